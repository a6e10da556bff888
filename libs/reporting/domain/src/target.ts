import { RuleViolation, type TargetEventData } from '@registry/contracts';

export type TargetFacts = TargetEventData<'target.set'>;

export type TargetEvent = { readonly type: 'target.set'; readonly data: TargetFacts };

/** A wilayah's sasaran for one year: none yet, or the last one set. */
export type Target = { readonly status: 'unset' } | ({ readonly status: 'set' } & TargetFacts);

export const initialTarget: Target = { status: 'unset' };

export function evolveTarget(_state: Target, event: TargetEvent): Target {
  switch (event.type) {
    case 'target.set':
      return { status: 'set', ...event.data };
    default: {
      const unknown: never = event.type;
      throw new Error(`unknown target event ${String(unknown)}`);
    }
  }
}

export const foldTarget = (events: readonly TargetEvent[]): Target => events.reduce(evolveTarget, initialTarget);

export type TargetCommand = { readonly type: 'SetTarget'; readonly data: TargetFacts };

/** A target the rules do not allow. */
export class TargetRuleViolation extends RuleViolation {
  override readonly name = 'TargetRuleViolation';
}

/** The years a programme target can be set for: RPJMN horizons, not typing slips such as 20025. */
export const TARGET_YEARS = { from: 2000, to: 2100 } as const;

/**
 * Setting a target: an event when it differs from the last one set, none when the same figures come again (a PUT
 * repeated is one change).
 */
export function decideTarget(command: TargetCommand, state: Target): TargetEvent[] {
  switch (command.type) {
    case 'SetTarget': {
      const facts = command.data;
      if (facts.year < TARGET_YEARS.from || facts.year > TARGET_YEARS.to)
        throw new TargetRuleViolation(
          'invalid',
          'year',
          `year must be between ${TARGET_YEARS.from} and ${TARGET_YEARS.to}`,
        );
      const same =
        state.status === 'set' &&
        state.targetPopulation === facts.targetPopulation &&
        state.targetPrevalencePct === facts.targetPrevalencePct;
      return same ? [] : [{ type: 'target.set', data: facts }];
    }
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown target command ${String(unknown)}`);
    }
  }
}
