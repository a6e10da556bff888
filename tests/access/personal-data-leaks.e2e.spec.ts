import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { allTopics } from '@registry/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { serviceDb, stackName, waitForRelay } from '../support/caught-up';
import { clientOf, nikFor, places, registration, tokenFor } from '../support/registry';
import { repositoryRoot } from '../support/services';

/**
 * Registers a child with unmistakable personal data, uses it through every path that touches it, then reads every
 * message of every registry topic, every service log and every stored event: none may contain any of it.
 */
describe('personal data never leaves the identity service in the clear', () => {
  const canary = randomUUID().slice(0, 8);
  const nik = nikFor(places.tangerang.districtCode, '2024-03-01', 'female');
  const familyCard = `3603${String(Date.now()).slice(-12)}`;
  const secrets = [`Canary${canary}`, `Ibu${canary}`, `Jalan ${canary}`, nik, familyCard, `Koreksi${canary}`];

  beforeAll(async () => {
    const token = await tokenFor('tpps', places.tangerang.regencyCode);
    const identity = clientOf('identity', { token });
    const { status, body } = await identity.post(
      '/v1/children',
      registration({
        nik,
        familyCardNumber: familyCard,
        name: `Canary${canary}`,
        mother: { name: `Ibu${canary}` },
        address: { villageCode: places.tangerang.villageCode, line: `Jalan ${canary}` },
      }),
    );
    expect(status).toBe(201);
    await identity.get(`/v1/children/${body.id}`);
    await identity.get(`/v1/children?nik=${nik}`);
    await identity.get(`/v1/children?villageCode=${places.tangerang.villageCode}&name=Canary${canary}`);
    await identity.post(
      `/v1/children/${body.id}/corrections`,
      { name: `Koreksi${canary}`, reason: 'spelling' },
      { 'if-match': '1' },
    );
    await clientOf('intake', { token }).post('/v1/measurements', {
      childId: body.id,
      measuredOn: '2025-06-01',
      weightKg: 9,
      heightCm: 75,
      position: 'lying',
      puskesmasCode: 'PKM-1',
    });
    await Promise.all([waitForRelay('identity'), waitForRelay('intake')]);
  });

  it('is in no Kafka message of any registry topic (keys, values, headers)', async () => {
    const kafka = new Kafka({
      clientId: 'leak-scan',
      brokers: process.env['KAFKA_BROKERS']!.split(','),
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const topics = allTopics(stackName()).filter((topic) => existing.has(topic));
    const ends = new Map(
      await Promise.all(topics.map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const)),
    );
    await admin.disconnect();
    const remaining = new Set(
      [...ends].flatMap(([topic, partitions]) =>
        partitions.filter((p) => Number(p.high) > 0).map((p) => `${topic}/${p.partition}`),
      ),
    );
    const found: string[] = [];
    let scanned = 0;
    const consumer = kafka.consumer({ groupId: `leak-scan-${randomUUID()}`, sessionTimeout: 6000 });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve) => {
      if (remaining.size === 0) resolve();
      void consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          scanned += 1;
          const text = [message.key, message.value, ...Object.values(message.headers ?? {})]
            .map((part) => String(part ?? ''))
            .join(' ');
          for (const secret of secrets)
            if (text.includes(secret)) found.push(`${topic}/${partition}@${message.offset} holds ${secret}`);
          const high = ends.get(topic)!.find((p) => p.partition === partition)!.high;
          if (Number(message.offset) + 1 >= Number(high)) remaining.delete(`${topic}/${partition}`);
          if (remaining.size === 0) resolve();
        },
      });
    });
    await consumer.disconnect();
    expect(scanned).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });

  it('is in no log line of any service', () => {
    const logs = path.join(repositoryRoot, '.var/logs');
    const files = readdirSync(logs).filter((file) => file.endsWith('.log'));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((file) => {
      const text = readFileSync(path.join(logs, file), 'utf8');
      return secrets.filter((secret) => text.includes(secret)).map((secret) => `${file} holds ${secret}`);
    });
    expect(found).toEqual([]);
  });

  it('is stored only sealed: no event of any service holds it', async () => {
    for (const service of ['identity', 'intake', 'reporting']) {
      const db = serviceDb(service);
      try {
        const { rows } = await db.query<{ text: string }>('SELECT data::text || actor::text AS text FROM es_events');
        const found = rows.flatMap((row) => secrets.filter((secret) => row.text.includes(secret)));
        expect({ service, found }).toEqual({ service, found: [] });
      } finally {
        await db.end();
      }
    }
  });
});
