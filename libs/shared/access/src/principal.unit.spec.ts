import { actorOf, principalFromClaims, type Principal } from './principal';

const principalOf = (claims: Record<string, unknown>): Principal => {
  const check = principalFromClaims(claims);
  if (check.kind !== 'principal') throw new Error(`expected a principal, got: ${check.reason}`);
  return check.principal;
};
const reasonOf = (claims: Record<string, unknown>): string => {
  const check = principalFromClaims(claims);
  if (check.kind !== 'invalid') throw new Error('expected the claims to be refused');
  return check.reason;
};

describe('principalFromClaims', () => {
  it('Given a TPPS token of 36.03, when read, then the principal is the TPPS of that regency', () => {
    expect(principalOf({ sub: 'ani', role: 'tpps', regency_code: '36.03' })).toEqual({
      subject: 'ani',
      role: 'tpps',
      regencyCode: '36.03',
    });
  });

  it('Given a kader token with desa of its regency, when read, then the principal carries those desa', () => {
    const principal = principalOf({
      sub: 'siti',
      role: 'kader',
      regency_code: '36.03',
      village_codes: ['36.03.12.2001', '36.03.12.2001', '36.03.12.2002'],
    });
    expect(principal).toEqual({
      subject: 'siti',
      role: 'kader',
      regencyCode: '36.03',
      villageCodes: ['36.03.12.2001', '36.03.12.2002'],
    });
  });

  it('Given national roles with a regency claim, when read, then they stay national', () => {
    expect(principalOf({ sub: 'bps', role: 'statistician', regency_code: '36.03' }).regencyCode).toBeNull();
    expect(principalOf({ sub: 'ops', role: 'admin' })).toEqual({ subject: 'ops', role: 'admin', regencyCode: null });
  });

  it('Given a sponsor token, when read, then the principal has the sponsor id and no regency', () => {
    expect(principalOf({ sub: 'csr', role: 'sponsor', sponsor_id: 'sp-7' })).toEqual({
      subject: 'csr',
      role: 'sponsor',
      regencyCode: null,
      sponsorId: 'sp-7',
    });
  });

  it.each([
    [{ role: 'tpps', regency_code: '36.03' }, 'token has no usable subject (sub)'],
    [{ sub: 'x' }, 'token has no role claim'],
    [{ sub: 'x', role: 'bupati' }, 'unknown role "bupati"'],
    [{ sub: 'x', role: 'tpps' }, 'missing regency for role tpps'],
    [{ sub: 'x', role: 'integration', regency_code: '' }, 'missing regency for role integration'],
    [
      { sub: 'x', role: 'tpps', regency_code: '3603' },
      'malformed regency_code "3603": expected a kabupaten/kota code such as 36.03',
    ],
    [{ sub: 'x', role: 'kader', regency_code: '36.03' }, 'missing or malformed village_codes for role kader'],
    [
      { sub: 'x', role: 'kader', regency_code: '36.03', village_codes: ['36.04.01.2001'] },
      'village "36.04.01.2001" is not a desa of regency 36.03',
    ],
    [
      { sub: 'x', role: 'puskesmas', regency_code: '36.03', puskesmas_codes: [] },
      'missing or malformed puskesmas_codes for role puskesmas',
    ],
    [{ sub: 'x', role: 'sponsor' }, 'missing sponsor_id for role sponsor'],
  ])('Given claims %j, when read, then they are refused: %s', (claims, reason) => {
    expect(reasonOf(claims)).toBe(reason);
  });

  it('Given an absurdly long unknown role, when refused, then the message quotes only a short excerpt', () => {
    expect(reasonOf({ sub: 'x', role: 'r'.repeat(500) })).toBe(`unknown role "${'r'.repeat(40)}"`);
  });
});

describe('actorOf', () => {
  it('Given an integration that used an API key, when it acts, then the actor names the key', () => {
    const principal: Principal = {
      subject: 'SIMPUS Pandeglang',
      role: 'integration',
      regencyCode: '36.01',
      apiKeyId: 'a1',
    };
    expect(actorOf(principal)).toEqual({ subject: 'SIMPUS Pandeglang', role: 'integration', apiKeyId: 'a1' });
  });

  it('Given a TPPS member, when they act, then the actor is their subject and role only', () => {
    expect(actorOf({ subject: 'ani', role: 'tpps', regencyCode: '36.03' })).toEqual({ subject: 'ani', role: 'tpps' });
  });
});
