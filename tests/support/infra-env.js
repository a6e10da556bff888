// The test process sees the stack and infrastructure the scripts set up (scripts/stack-env.cjs).
require('../../scripts/stack-env.cjs').loadStackEnv();
