import { deciderSpecification } from '@registry/contracts';
import { decideTarget, foldTarget, type TargetCommand, type TargetFacts } from './target';

const facts: TargetFacts = { regionCode: '36.03', year: 2025, targetPopulation: 12000, targetPrevalencePct: 14 };

/** Given the targets set before, when SetTarget is decided: the event, none, or the rule it breaks. */
const given = deciderSpecification({ decide: decideTarget, fold: foldTarget });
const set = (data: TargetFacts): TargetCommand => ({ type: 'SetTarget', data });

describe('target decider', () => {
  it('sets a target the first time', () => {
    given()
      .when(set(facts))
      .then([{ type: 'target.set', data: facts }]);
  });

  it('changes nothing when the same figures come again', () => {
    given({ type: 'target.set', data: facts }).when(set(facts)).then([]);
  });

  it('sets a changed figure, or one cleared', () => {
    for (const change of [{ targetPopulation: 12500 }, { targetPrevalencePct: null }]) {
      const data = { ...facts, ...change };
      given({ type: 'target.set', data: facts })
        .when(set(data))
        .then([{ type: 'target.set', data }]);
    }
  });

  it('refuses a year outside 2000–2100, naming the field', () => {
    for (const year of [1999, 2101, 20025])
      given()
        .when(set({ ...facts, year }))
        .thenRejects('invalid', 'year', /2000 and 2100/);
  });
});
