import { RuleViolation, type RuleViolationKind } from './rule-violation';

/** A decider as its specification runs it: the context (today, standards…) already bound in `decide`. */
export interface DeciderUnderTest<Command, Event, State> {
  readonly decide: (command: Command, state: State) => readonly Event[];
  readonly fold: (events: readonly Event[]) => State;
}

/** An expectation of a decider specification that did not hold. */
export class SpecificationError extends Error {
  override readonly name = 'SpecificationError';
}

/**
 * Given past events, when a command is decided, then these events, or this refusal: the one shape every decider's
 * spec is written in (after Emmett's DeciderSpecification). Free of any test framework: an expectation that does
 * not hold throws a SpecificationError saying what was expected and what came.
 */
export function deciderSpecification<Command, Event extends { readonly type: string }, State>(
  decider: DeciderUnderTest<Command, Event, State>,
) {
  return (...given: readonly Event[]) => ({
    when: (command: Command) => {
      const run = () => decider.decide(command, decider.fold(given));
      return {
        /** The events decided, for expectations of their own. */
        events: (): readonly Event[] => run(),
        then: (expected: readonly Event[]): void => {
          const actual = run();
          if (canonical(actual) !== canonical(expected))
            throw new SpecificationError(`expected the events\n${canonical(expected)}\nbut got\n${canonical(actual)}`);
        },
        /** Then events of these types, in this order, whatever their data. */
        thenTypes: (...types: readonly string[]): void => {
          const actual = run().map((event) => event.type);
          if (canonical(actual) !== canonical(types))
            throw new SpecificationError(`expected events of types ${types.join(', ')}, got ${actual.join(', ')}`);
        },
        thenRejects: (kind: RuleViolationKind, field: string, message?: RegExp): void => {
          let events: readonly Event[];
          try {
            events = run();
          } catch (error) {
            if (!(error instanceof RuleViolation)) throw error;
            if (error.kind !== kind || error.field !== field)
              throw new SpecificationError(
                `expected a refusal (${kind}, ${field}), got (${error.kind}, ${error.field})`,
              );
            if (message && !message.test(error.message))
              throw new SpecificationError(`expected a refusal matching ${message}, got "${error.message}"`);
            return;
          }
          throw new SpecificationError(
            `expected a refusal (${kind}, ${field}), but the command was decided: ${canonical(events)}`,
          );
        },
      };
    },
  });
}

/** JSON with keys sorted, undefined properties left out (as toEqual ignores them). */
function canonical(value: unknown): string {
  return JSON.stringify(
    value,
    (_, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
        : v,
    2,
  );
}
