import { RuleViolation, type PosyanduEventData } from '@registry/contracts';

export type PosyanduEvent =
  | { readonly type: 'posyandu.listed'; readonly data: PosyanduEventData<'posyandu.listed'> }
  | { readonly type: 'posyandu.updated'; readonly data: PosyanduEventData<'posyandu.updated'> };

export type PosyanduFacts = PosyanduEventData<'posyandu.listed'>;

export type Posyandu = { readonly status: 'unlisted' } | ({ readonly status: 'listed' } & PosyanduFacts);

export const initialPosyandu: Posyandu = { status: 'unlisted' };

export function evolvePosyandu(_state: Posyandu, event: PosyanduEvent): Posyandu {
  switch (event.type) {
    case 'posyandu.listed':
    case 'posyandu.updated':
      return { status: 'listed', ...event.data };
    default: {
      const unknown: never = event;
      throw new Error(`unknown posyandu event ${(unknown as PosyanduEvent).type}`);
    }
  }
}

export const foldPosyandu = (events: readonly PosyanduEvent[]): Posyandu =>
  events.reduce(evolvePosyandu, initialPosyandu);

export type PosyanduCommand = { readonly type: 'SetPosyandu'; readonly data: PosyanduFacts };

/** A command the posyandu's history does not allow. */
export class PosyanduRuleViolation extends RuleViolation {
  override readonly name = 'PosyanduRuleViolation';
}

const FIELDS = ['name', 'villageCode', 'districtCode', 'regencyCode', 'puskesmasCode'] as const;

/**
 * Listing a posyandu: the first time it is listed; then updated when anything changed, and nothing when the same
 * facts are sent again (a PUT repeated is one change). A code belongs to one kabupaten: measurements of that
 * kabupaten carry it, so moving it to another would regroup them under another TPPS.
 */
export function decidePosyandu(command: PosyanduCommand, state: Posyandu): PosyanduEvent[] {
  switch (command.type) {
    case 'SetPosyandu': {
      const facts = command.data;
      if (state.status === 'unlisted') return [{ type: 'posyandu.listed', data: facts }];
      if (facts.regencyCode !== state.regencyCode)
        throw new PosyanduRuleViolation(
          'conflict',
          'villageCode',
          `posyandu ${facts.code} is listed in kabupaten ${state.regencyCode}; a desa of ${facts.regencyCode} cannot take it — list it under a new code`,
        );
      return FIELDS.every((field) => facts[field] === state[field]) ? [] : [{ type: 'posyandu.updated', data: facts }];
    }
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown posyandu command ${String(unknown)}`);
    }
  }
}
