import { allTopics, TopicByService, topicIn } from '@registry/contracts';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import type { Pool } from 'pg';
import { SERVICES, type IsolatedStack, type Service } from './isolated-stack';

/**
 * The faults of a replicated cluster (KAFKA_NODES=3, issue #24 item 4): the leader of a busy partition and the active
 * controller killed -9, then two of three nodes stopped at once, so that no write has the two in-sync copies
 * `min.insync.replicas` asks for. Each resolves once the cluster has every replica in sync again and says how long
 * that took.
 */
export interface ClusterFaultReport {
  readonly node: number;
  /** From the fault until every partition of the stack's topics had all its replicas in sync again. */
  readonly recoveredSeconds: number;
  readonly detail: string;
}

/** What the two-of-three outage must show: writes kept in the stores, nothing checkpointed as published. */
export interface OutageFinding {
  readonly storedDuringOutage: number;
  readonly checkpointsAdvanced: string[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ClusterFaults {
  private readonly admin: Admin;

  constructor(
    private readonly stack: IsolatedStack,
    private readonly databases: Record<Service, Pool>,
    brokers: string[],
    private readonly stackName: string,
  ) {
    this.admin = new Kafka({
      clientId: 'faults-cluster',
      brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 10 },
    }).admin();
  }

  connect = () => this.admin.connect();
  disconnect = () => this.admin.disconnect();

  /** kill -9 the node leading the partition of intake's topic that holds the most messages, then start it again. */
  async killBusiestLeader(): Promise<ClusterFaultReport> {
    const topic = topicIn(this.stackName, TopicByService.intake);
    const offsets = await this.admin.fetchTopicOffsets(topic);
    const busiest = offsets.reduce((a, b) => (Number(b.high) > Number(a.high) ? b : a));
    const { topics } = await this.admin.fetchTopicMetadata({ topics: [topic] });
    const leader = topics[0].partitions.find((p) => p.partitionId === busiest.partition)!.leader;
    return this.killAndRestart(leader, `leader of ${topic}[${busiest.partition}] (${busiest.high} messages)`);
  }

  /** kill -9 the node leading the metadata quorum, then start it again: the other two elect a new leader. */
  async killActiveController(): Promise<ClusterFaultReport> {
    const controller = await this.stack.activeController();
    return this.killAndRestart(controller, 'active controller');
  }

  /**
   * Stops two nodes and keeps them down for `outageMs` while the generator pushes: the services must go on storing
   * writes, and no relay may checkpoint anything as published, since Kafka refuses every acks=all send with one in-sync
   * replica. The positions are taken once the stops are done (a send acknowledged before then may still be recorded).
   */
  async stopTwo(outageMs: number): Promise<ClusterFaultReport & OutageFinding> {
    const [first, second] = [1, 2, 3].filter((node) => node <= this.stack.kafkaNodes).slice(-2);
    const started = Date.now();
    await this.stack.stopKafkaNode(first);
    await this.stack.stopKafkaNode(second);
    await pause(2000);
    const before = await this.positions();
    await pause(outageMs);
    const after = await this.positions();
    const restarted = Date.now();
    await Promise.all([this.stack.startKafkaNode(first), this.stack.startKafkaNode(second)]);
    await this.fullyReplicated(180_000);
    return {
      node: second,
      recoveredSeconds: (Date.now() - restarted) / 1000,
      detail: `nodes ${first} and ${second} down ${Math.round((restarted - started) / 1000)} s`,
      storedDuringOutage: SERVICES.reduce((sum, s) => sum + after.stored[s] - before.stored[s], 0),
      checkpointsAdvanced: SERVICES.filter((s) => after.published[s] !== before.published[s]).map(
        (s) => `${s}: ${before.published[s]} → ${after.published[s]}`,
      ),
    };
  }

  private async killAndRestart(node: number, role: string): Promise<ClusterFaultReport> {
    const killed = Date.now();
    await this.stack.killKafkaNode(node);
    await this.stack.startKafkaNode(node);
    await this.fullyReplicated(180_000);
    return { node, recoveredSeconds: (Date.now() - killed) / 1000, detail: `node ${node}, ${role}` };
  }

  /** Resolves once every partition of the stack's topics has all its replicas in sync. */
  private async fullyReplicated(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lagging = -1;
    while (Date.now() < deadline) {
      lagging = await this.underReplicated().catch(() => -1);
      if (lagging === 0) return;
      await pause(250);
    }
    throw new Error(`Kafka: ${lagging} partition(s) still under-replicated after ${timeoutMs / 1000} s`);
  }

  private async underReplicated(): Promise<number> {
    const existing = new Set(await this.admin.listTopics());
    const topics = allTopics(this.stackName).filter((topic) => existing.has(topic));
    const metadata = await this.admin.fetchTopicMetadata({ topics });
    return metadata.topics
      .flatMap((topic) => topic.partitions)
      .filter((partition) => partition.isr.length < partition.replicas.length).length;
  }

  /** Per service: the events its store holds and the position its relay checkpointed as published. */
  private async positions() {
    const stored = {} as Record<Service, number>;
    const published = {} as Record<Service, string>;
    for (const service of SERVICES) {
      const db = this.databases[service];
      const events = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events');
      const checkpoint = await db.query<{ position: string }>(
        'SELECT coalesce(max(global_position), 0)::text AS position FROM es_relay_checkpoints',
      );
      stored[service] = events.rows[0].n;
      published[service] = checkpoint.rows[0].position;
    }
    return { stored, published };
  }
}
