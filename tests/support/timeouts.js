// Integration and end-to-end tests talk to real brokers and databases: give them room, not sleeps.
jest.setTimeout(Number(process.env['TEST_TIMEOUT_MS'] ?? 120_000));
