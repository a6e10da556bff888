// Checks that the running demo stack counts only its own children: every child reporting knows was registered by
// this stack's identity service, and reporting catches up with all of them. Run by npm test after the tests, whose
// own stack (<stack>_e2e) must have left no child in the demo's figures.
//   node scripts/check-demo.mjs        (the stack and database from .var/stack.env and .var/infra.env)
import { createRequire } from 'node:module';
import pg from 'pg';

createRequire(import.meta.url)('./stack-env.cjs').loadStackEnv();
const stack = process.env.REGISTRY_STACK;
const database = (service) => {
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${stack}_${service}`;
  return new pg.Pool({ connectionString: url.toString(), max: 1 });
};
const identity = database('identity');
const reporting = database('reporting');
const ids = async (pool, table) =>
  new Set((await pool.query(`SELECT child_id FROM ${table}`)).rows.map((r) => r.child_id));

const deadline = Date.now() + 120_000;
let verdict;
try {
  for (;;) {
    const registered = await ids(identity, 'identity_children');
    const counted = await ids(reporting, 'reporting_children');
    const foreign = [...counted].filter((id) => !registered.has(id));
    const missing = [...registered].filter((id) => !counted.has(id));
    verdict = {
      stack,
      registered: registered.size,
      counted: counted.size,
      foreign: foreign.length,
      missing: missing.length,
    };
    // A child identity never registered can only have come from another stack's events: no waiting makes it right.
    if (foreign.length > 0 || missing.length === 0) break;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
} finally {
  await identity.end();
  await reporting.end();
}
const ok = verdict.foreign === 0 && verdict.missing === 0;
console.log(
  `demo stack ${stack}: identity registered ${verdict.registered} children, reporting counts ${verdict.counted}` +
    (ok ? ' (the same)' : ` (${verdict.foreign} not registered here, ${verdict.missing} not counted yet)`),
);
process.exit(ok ? 0 : 1);
