// Exits 0 once a Kafka broker answers describeCluster and lists at least the given number of brokers,
// 1 after the given number of seconds. Usage: node wait-ready.mjs 127.0.0.1:9092 [seconds] [brokers]
import kafkajs from 'kafkajs';

const [broker = '127.0.0.1:9092', seconds = '30', brokers = '1'] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
const kafka = new kafkajs.Kafka({
  clientId: 'registry-infra-probe',
  brokers: [broker],
  logLevel: kafkajs.logLevel.NOTHING,
  retry: { retries: 0 },
  connectionTimeout: 1000,
});

for (;;) {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.disconnect();
    if (cluster.brokers.length >= Number(brokers)) process.exit(0);
  } catch {
    await admin.disconnect().catch(() => undefined);
  }
  if (Date.now() > deadline) process.exit(1);
  await new Promise((resolve) => setTimeout(resolve, 500));
}
