import { deciderSpecification, SpecificationError } from './decider-specification';
import { RuleViolation } from './rule-violation';

// A counter that refuses to go below zero: enough to see each expectation hold and fail.
type Event = { type: 'added'; data: { by: number; note?: string } };
const given = deciderSpecification<number, Event, number>({
  fold: (events) => events.reduce((sum, e) => sum + e.data.by, 0),
  decide: (by, total) => {
    if (total + by < 0) throw new RuleViolation('conflict', 'by', `the total ${total} cannot go below zero`);
    return [{ type: 'added', data: { by } }];
  },
});

describe('deciderSpecification', () => {
  it('passes when the events decided are the expected ones, in any key order and without undefined fields', () => {
    expect(() =>
      given()
        .when(2)
        .then([{ data: { by: 2, note: undefined }, type: 'added' }]),
    ).not.toThrow();
    expect(
      given({ type: 'added', data: { by: 1 } })
        .when(3)
        .events(),
    ).toEqual([{ type: 'added', data: { by: 3 } }]);
  });

  it('checks the types alone when the data is not the point', () => {
    expect(() => given().when(1).thenTypes('added')).not.toThrow();
    expect(() => given().when(1).thenTypes()).toThrow(/expected events of types , got added/);
  });

  it('fails, saying both, when the events differ', () => {
    expect(() =>
      given()
        .when(2)
        .then([{ type: 'added', data: { by: 3 } }]),
    ).toThrow(SpecificationError);
    expect(() => given().when(2).then([])).toThrow(/expected the events/);
  });

  it('passes on the refusal expected, and fails on another refusal or none', () => {
    const minus = given({ type: 'added', data: { by: 1 } }).when(-2);
    expect(() => minus.thenRejects('conflict', 'by', /below zero/)).not.toThrow();
    expect(() => minus.thenRejects('invalid', 'by')).toThrow(
      /expected a refusal \(invalid, by\), got \(conflict, by\)/,
    );
    expect(() => minus.thenRejects('conflict', 'by', /above/)).toThrow(SpecificationError);
    expect(() => given().when(1).thenRejects('conflict', 'by')).toThrow(/but the command was decided/);
  });
});
