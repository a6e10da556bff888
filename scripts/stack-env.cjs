// Loads into process.env what the scripts wrote for this checkout: the stack's name and ports (.var/stack.env, see
// scripts/stack.sh), the infrastructure's addresses (infra/up.sh: DATABASE_URL, KAFKA_BROKERS) and, while it runs,
// the development OpenID provider's (scripts/oidc.sh: OIDC_ISSUER, OIDC_CLIENT_ID, …). Variables already set win,
// so a caller can name another stack (npm test runs its services as <stack>_e2e).
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

exports.loadStackEnv = () => {
  const varDir = process.env.REGISTRY_VAR_DIR ?? path.join(root, '.var');
  for (const file of [
    path.join(root, '.var/stack.env'),
    path.join(varDir, 'infra.env'),
    path.join(varDir, 'oidc.env'),
  ]) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
      // Values with spaces are single-quoted, as the shell that also reads these files needs.
      if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2].replace(/^'(.*)'$/, '$1');
    }
  }
};
