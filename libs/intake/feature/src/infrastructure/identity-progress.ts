import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@registry/contracts';
import { EventStore } from '@registry/event-store';
import type { IdentityProgress } from '@registry/intake-domain';
import { EventBackbone } from '@registry/platform';
import { IntakeConfig } from '../intake-config';
import { KNOWN_CHILDREN } from './known-children.projection';

/** Past this, a broker that does not answer counts as unreachable: the caller is told to retry, not kept waiting. */
const LAG_TIMEOUT_MS = 2000;
/** A weighing day's unknown children ask at once: one look at the topic serves them all for this long. */
const CACHE_MS = 1000;

/**
 * How far intake has read identity's events (see answerUnknownChild): identity's relay backlog (GET /relay), its own
 * known-children consumer's lag on the topic, and the newest child it knows. Asked only when a child is not found.
 */
@Injectable()
export class IdentityProgressReader {
  private lastCaughtUp: { readonly at: number; readonly caughtUp: boolean } | null = null;

  constructor(
    private readonly backbone: EventBackbone,
    private readonly store: EventStore,
    private readonly config: IntakeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async read(): Promise<IdentityProgress> {
    const [caughtUp, newestKnownChildId] = await Promise.all([this.caughtUp(), this.newestKnownChildId()]);
    return { caughtUp, newestKnownChildId, now: this.clock().getTime() };
  }

  private async caughtUp(): Promise<boolean> {
    const now = this.clock().getTime();
    if (this.lastCaughtUp && now - this.lastCaughtUp.at < CACHE_MS) return this.lastCaughtUp.caughtUp;
    const consumer = this.backbone.consumers.find((c) => c.name === KNOWN_CHILDREN);
    let caughtUp = false;
    // Identity's backlog first, then intake's lag: what identity acknowledged before the first answer is on the topic
    // by then, and applied if the lag is nil after it. A registration or a move still in the backlog is on its way.
    if (consumer && this.backbone.isRunning && (await this.identityBacklog()) === 0) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), LAG_TIMEOUT_MS)));
      const lag = await Promise.race([consumer.lag().catch(() => null), timeout]).finally(() => clearTimeout(timer));
      caughtUp = lag !== null && lag.every((partition) => partition.lag === 0);
    }
    this.lastCaughtUp = { at: now, caughtUp };
    return caughtUp;
  }

  /** Events identity stored and has not published yet; null when identity does not answer in time. */
  private async identityBacklog(): Promise<number | null> {
    try {
      const response = await fetch(`${this.config.IDENTITY_URL}/relay`, {
        signal: AbortSignal.timeout(LAG_TIMEOUT_MS),
      });
      if (!response.ok) return null;
      const { backlog } = (await response.json()) as { backlog?: unknown };
      return typeof backlog === 'number' ? backlog : null;
    } catch {
      return null;
    }
  }

  /** Ids are UUIDv7, so the greatest is the latest registration (a backward step on the primary key). */
  private async newestKnownChildId(): Promise<string | null> {
    const { rows } = await this.store.pool.query<{ child_id: string }>(
      'SELECT child_id FROM intake_known_children ORDER BY child_id DESC LIMIT 1',
    );
    return rows[0]?.child_id ?? null;
  }
}
