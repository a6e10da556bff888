import { Injectable } from '@nestjs/common';
import type { EventEnvelope, ProducingService } from '@registry/contracts';
import {
  envelopeJsonSql,
  envelopesAsEventRows,
  type CopiedRows,
  type EnvelopeField,
  type Projection,
} from '@registry/event-store';
import type { PoolClient } from 'pg';

/**
 * The envelope's fields the timeline keeps in columns and not again in its text: rows of a kilobyte and a half,
 * each a hundred bytes shorter, fit five to a page where four did, and a rebuild writes a fifth less.
 */
const IN_COLUMNS = ['eventId', 'streamId', 'streamVersion'] as const satisfies readonly EnvelopeField[];

/**
 * The service each kind of event about a child comes from, by its type's prefix. Every event of these kinds names
 * its child (the contracts) and has it as its subject (the event store refuses another), so the child is read
 * from the subject column: taking it from the data parsed a kilobyte of JSON per event.
 */
export const TIMELINE_SOURCES: Readonly<Record<string, ProducingService>> = {
  child: 'identity',
  measurement: 'intake',
  case: 'interventions',
  intervention: 'interventions',
  sponsorship: 'sponsorship',
};

const prefix = `split_part(e.type, '.', 1)`;
const constant = (text: string) => `'${text}'`;

/**
 * A timeline row per event about a child, in SQL over a stored event `e`: the service it came from, and the
 * envelope as the relay published it, less what the columns hold. The same SQL makes the rows a rebuild copies
 * from the sources and those the live path inserts, so the two keep the same bytes.
 */
const TIMELINE_ROWS: CopiedRows = {
  table: 'reporting_timeline',
  columns: ['event_id', 'child_id', 'topic', 'stream_id', 'stream_version', 'recorded_at', 'envelope'],
  select: `e.event_id, e.subject_id::uuid,
           CASE ${prefix} ${Object.entries(TIMELINE_SOURCES)
             .map(([kind, source]) => `WHEN ${constant(kind)} THEN ${constant(source)}`)
             .join(' ')} END,
           e.stream_id, e.stream_version, e.recorded_at, ${envelopeJsonSql(IN_COLUMNS)}`,
  where: `${prefix} IN (${Object.keys(TIMELINE_SOURCES).map(constant).join(', ')})`,
};

/** A row of reporting_timeline as a reader selects it. */
export interface TimelineRow {
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly envelope: string;
}

/** The columns a reader selects for timelineEnvelope. */
export const TIMELINE_ENVELOPE_COLUMNS = 'event_id, stream_id, stream_version, envelope';

/** The whole envelope of a timeline row, as the relay published it: its text and the fields in columns. */
export function timelineEnvelope(row: TimelineRow): EventEnvelope {
  return {
    ...(JSON.parse(row.envelope) as Omit<EventEnvelope, (typeof IN_COLUMNS)[number]>),
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
  };
}

/** Every published event about a child, from every service, kept whole so its hash chain can be verified here. */
@Injectable()
export class TimelineProjection implements Projection {
  readonly name = 'reporting-timeline';
  readonly tables = ['reporting_timeline'];
  // Every event is a row of its own, written by its key: the lookups by child and stream serve readers only.
  readonly indexesDeferredOnRebuild = ['reporting_timeline_child_idx', 'reporting_timeline_stream_idx'];
  // A rebuild has the sources compute the rows and streams them in, never decoding an envelope here.
  readonly copiedOnRebuild = TIMELINE_ROWS;

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    await this.applyBatch([event], client);
  }

  /** The live consumer's path: events are independent rows here, a chunk is one statement. */
  async applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const { from, values } = envelopesAsEventRows(events);
    await client.query(
      `INSERT INTO ${TIMELINE_ROWS.table} (${TIMELINE_ROWS.columns.join(', ')})
       SELECT ${TIMELINE_ROWS.select} FROM ${from} WHERE ${TIMELINE_ROWS.where}
       ON CONFLICT (event_id) DO NOTHING`,
      values,
    );
  }
}
