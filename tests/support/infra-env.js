// Exposes the addresses written by infra/up.sh (DATABASE_URL, KAFKA_BROKERS) to the test process.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const varDir = process.env.REGISTRY_VAR_DIR ?? path.join(__dirname, '../../.var');
for (const line of readFileSync(path.join(varDir, 'infra.env'), 'utf8').split('\n')) {
  const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
  if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2];
}
