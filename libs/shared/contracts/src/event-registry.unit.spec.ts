import { assertEventContract, ContractViolationError } from './event-registry';

const registered = {
  childId: '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e5f',
  sex: 'female',
  birthDate: '2024-03-01',
  birthWeightGrams: 2900,
  birthLengthCm: null,
  villageCode: '36.03.20.2002',
  districtCode: '36.03.20',
  regencyCode: '36.03',
  hasNik: false,
  personalDataVersion: 1,
  personalDataHash: 'c0ffee',
};

describe('event contracts', () => {
  it('accepts an event that matches its contract', () => {
    expect(() => assertEventContract('child.registered', registered)).not.toThrow();
  });

  it('names every field that breaks the contract', () => {
    try {
      assertEventContract('child.registered', { ...registered, sex: 'x', villageCode: '36.03', birthDate: 20240301 });
      throw new Error('expected a violation');
    } catch (error) {
      expect(error).toBeInstanceOf(ContractViolationError);
      const { problems } = error as ContractViolationError;
      expect(problems).toEqual([
        'sex: expected one of male, female, got "x"',
        'birthDate: expected a date YYYY-MM-DD, got 20240301',
        'villageCode: expected a Kemendagri code with 4 segment(s), got "36.03"',
      ]);
    }
  });

  it('refuses an unknown event type', () => {
    expect(() => assertEventContract('child.teleported', {})).toThrow('unknown event type child.teleported');
  });
});
