import { assertEventContract, type EventEnvelope, type NewEvent } from '@registry/contracts';
import type { AppendRequest } from './append-plan';
import type { ExpectedVersion } from './errors';
import type { EventStoreSession } from './event-store';

/** An event as a decider decides it: its type and data, before the store gives it an envelope. */
export interface DecidedEvent {
  readonly type: string;
  readonly data: unknown;
}

/** How a stream's events fold into the state its decider sees. */
export interface Evolver<State, Event extends DecidedEvent> {
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}

/** The envelope of a decided event apart from its type and data: about whom, whose, by whom. */
export type EventDescription = Omit<NewEvent, 'type' | 'data'>;

/** What the one command path needs from a service for one kind of stream. */
export interface StreamHandling<State, Event extends DecidedEvent> extends Evolver<State, Event> {
  /** The envelope of each decided event, seen with the state before the command. */
  readonly describe: (event: Event, before: State) => EventDescription;
  /** The read model written with the events, in the same transaction. */
  readonly project?: (session: EventStoreSession, envelopes: readonly EventEnvelope[]) => Promise<void>;
}

export interface LoadedStream<State> {
  readonly state: State;
  readonly version: number;
}

export interface HandledCommand<State> {
  readonly before: State;
  readonly state: State;
  readonly events: readonly EventEnvelope[];
  /** The stream's version after the command (unchanged when nothing was decided). */
  readonly version: number;
}

/** The state of one stream: its events folded from the initial state. */
export async function aggregateStream<State, Event extends DecidedEvent>(
  session: Pick<EventStoreSession, 'readStream'>,
  streamId: string,
  { evolve, initialState }: Evolver<State, Event>,
): Promise<LoadedStream<State>> {
  const envelopes = await session.readStream(streamId);
  const state = envelopes.reduce((s, { type, data }) => evolve(s, { type, data } as Event), initialState);
  return { state, version: envelopes.length };
}

/**
 * The one way a command is run, after Emmett's CommandHandler: load the stream, decide on its state, check each
 * event against its published contract, append expecting the version read (a concurrent writer makes this fail,
 * not interleave), project in the caller's transaction. A decider that decides nothing appends nothing.
 */
export async function handleCommand<State, Event extends DecidedEvent>(
  session: EventStoreSession,
  streamId: string,
  decide: (state: State) => readonly Event[],
  handling: StreamHandling<State, Event>,
  options: { readonly expectedVersion?: number } = {},
): Promise<HandledCommand<State>> {
  const { state, version } = await aggregateStream(session, streamId, handling);
  const decided = decide(state);
  if (decided.length === 0) return { before: state, state, events: [], version };
  const [result] = await session.appendMany([
    {
      streamId,
      events: envelopesOf(decided, state, handling),
      expectedVersion: options.expectedVersion ?? versionExpected(version),
    },
  ]);
  await handling.project?.(session, result.events);
  return {
    before: state,
    state: decided.reduce(handling.evolve, state),
    events: result.events,
    version: result.streamVersion,
  };
}

/** Events decided for one stream of a many-stream write. */
export interface DecidedStream<Event extends DecidedEvent> {
  readonly streamId: string;
  readonly events: readonly Event[];
  readonly expectedVersion: ExpectedVersion;
}

/**
 * Appends the events of many streams, already decided on the state each was read at, in one call (the store locks
 * them all at once, see appendMany) after the same contract check as handleCommand; the envelopes of each stream, in
 * the order given. For writes whose commands span streams: a batch of new records, a decision about a child's open
 * cases, a rejudgement of later weighings.
 */
export async function appendDecided<Stream extends DecidedStream<DecidedEvent>>(
  session: EventStoreSession,
  streams: readonly Stream[],
  describe: (event: Stream['events'][number], stream: Stream) => EventDescription,
): Promise<EventEnvelope[][]> {
  const requests: AppendRequest[] = streams
    .filter(({ events }) => events.length > 0)
    .map((stream) => ({
      streamId: stream.streamId,
      expectedVersion: stream.expectedVersion,
      events: stream.events.map((event) => checked(event, describe(event, stream))),
    }));
  const results = (await session.appendMany(requests)).values();
  // One answer per stream given, in order: a stream with nothing decided gets none.
  return streams.map(({ events }) => (events.length === 0 ? [] : [...results.next().value!.events]));
}

/** A stream read at version 0 does not exist yet: only a writer that creates it may append. */
export const versionExpected = (version: number): ExpectedVersion => (version === 0 ? 'no_stream' : version);

function envelopesOf<State, Event extends DecidedEvent>(
  decided: readonly Event[],
  before: State,
  handling: StreamHandling<State, Event>,
): NewEvent[] {
  return decided.map((event) => checked(event, handling.describe(event, before)));
}

/** No service can store an event its own published contract refuses. */
function checked(event: DecidedEvent, description: EventDescription): NewEvent {
  assertEventContract(event.type, event.data);
  return { ...description, type: event.type, data: event.data };
}
