/** Who caused an event: the authenticated subject, its role, and the API key or integration it used. */
export interface Actor {
  readonly subject: string;
  readonly role: string;
  readonly apiKeyId?: string;
}

/**
 * The one envelope every event of every service travels in, stored and published alike.
 * `hash` chains the events of one stream: SHA-256 over the canonical envelope plus the previous event's hash,
 * so an edit of a stored event is detectable.
 */
export interface EventEnvelope<Type extends string = string, Data = unknown> {
  readonly eventId: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: string;
  /** Kafka message key: the child's id where there is one, so one child's events stay in one partition. */
  readonly subjectId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly regencyCode: string | null;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly data: Data;
  readonly previousHash: string | null;
  readonly hash: string;
}

/** What a caller hands to the event store; the store assigns position, version, recordedAt and the hash. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly eventId?: string;
  readonly type: Type;
  readonly schemaVersion?: number;
  readonly subjectId?: string;
  readonly occurredAt?: string;
  readonly regencyCode: string | null;
  readonly actor: Actor;
  readonly correlationId?: string;
  readonly causationId?: string | null;
  readonly data: Data;
}
