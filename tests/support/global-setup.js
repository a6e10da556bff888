// Integration and e2e tests run against the real PostgreSQL and Kafka. infra/up.sh is idempotent: it reuses
// a running broker and database and starts them only when they are down, so a single spec can be run alone.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  execFileSync('bash', [path.join(__dirname, '../../infra/up.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
};
