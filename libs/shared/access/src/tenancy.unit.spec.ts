import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Principal } from './principal';
import {
  assertCanWriteAt,
  assertInScope,
  canSee,
  canSeeSponsorship,
  OutOfScopeError,
  regencyScope,
  sponsorshipScope,
} from './tenancy';

const tpps: Principal = { subject: 'ani', role: 'tpps', regencyCode: '36.03' };
const kader: Principal = { subject: 'siti', role: 'kader', regencyCode: '36.03', villageCodes: ['36.03.12.2001'] };
const puskesmas: Principal = {
  subject: 'pkm',
  role: 'puskesmas',
  regencyCode: '36.03',
  puskesmasCodes: ['P3603120101'],
};
const integration: Principal = { subject: 'simpus', role: 'integration', regencyCode: '36.03', apiKeyId: 'k' };
const sponsor: Principal = { subject: 'csr', role: 'sponsor', regencyCode: null, sponsorId: 'sp-7' };
const statistician: Principal = { subject: 'bps', role: 'statistician', regencyCode: null };
const admin: Principal = { subject: 'ops', role: 'admin', regencyCode: null };

describe('regencyScope', () => {
  it.each([
    [tpps, { kind: 'regency', regencyCode: '36.03' }],
    [kader, { kind: 'regency', regencyCode: '36.03' }],
    [puskesmas, { kind: 'regency', regencyCode: '36.03' }],
    [integration, { kind: 'regency', regencyCode: '36.03' }],
    [statistician, { kind: 'all' }],
    [admin, { kind: 'all' }],
    [sponsor, { kind: 'none' }],
  ])('Given %j, when scoped, then the scope is %j', (principal, scope) => {
    expect(regencyScope(principal)).toEqual(scope);
  });
});

describe('reading a record', () => {
  it('Given a TPPS of 36.03, when it looks at its own regency, then it sees it', () => {
    expect(canSee(tpps, '36.03')).toBe(true);
    expect(() => assertInScope(tpps, '36.03', 'child')).not.toThrow();
  });

  it('Given a TPPS of 36.03, when it asks for a child of 36.04, then the answer is a 404 like a missing child', () => {
    expect(canSee(tpps, '36.04')).toBe(false);
    const attempt = () => assertInScope(tpps, '36.04', 'child');
    expect(attempt).toThrow(OutOfScopeError);
    expect(attempt).toThrow(NotFoundException);
    expect(attempt).toThrow('child not found');
  });

  it('Given a sponsor, when it asks for regency data, then it sees none', () => {
    expect(canSee(sponsor, '36.03')).toBe(false);
    expect(() => assertInScope(sponsor, '36.03')).toThrow(OutOfScopeError);
  });

  it('Given a record tied to no regency, when regional and national callers ask, then only national ones see it', () => {
    expect(canSee(tpps, null)).toBe(false);
    expect(canSee(admin, null)).toBe(true);
  });
});

describe('sponsorships', () => {
  const own = { regencyCode: '36.03', sponsorId: 'sp-7' };
  const someoneElses = { regencyCode: '36.03', sponsorId: 'sp-8' };

  it('Given a sponsor, when it lists sponsorships, then only its own are in scope', () => {
    expect(sponsorshipScope(sponsor)).toEqual({ kind: 'sponsor', sponsorId: 'sp-7' });
    expect(canSeeSponsorship(sponsor, own)).toBe(true);
    expect(canSeeSponsorship(sponsor, someoneElses)).toBe(false);
  });

  it('Given a TPPS, when it lists sponsorships, then those of its regency are in scope', () => {
    expect(sponsorshipScope(tpps)).toEqual({ kind: 'regency', regencyCode: '36.03' });
    expect(canSeeSponsorship(tpps, someoneElses)).toBe(true);
    expect(canSeeSponsorship(tpps, { regencyCode: '36.04', sponsorId: 'sp-7' })).toBe(false);
  });
});

describe('writing', () => {
  const ownDesa = { regencyCode: '36.03', villageCode: '36.03.12.2001', puskesmasCode: 'P3603120101' };
  const otherDesa = { regencyCode: '36.03', villageCode: '36.03.12.2002', puskesmasCode: 'P3603120202' };
  const foreign = { regencyCode: '36.04', villageCode: '36.04.01.2001', puskesmasCode: 'P3604010101' };

  it('Given field roles, when they write for their own desa or puskesmas, then it is allowed', () => {
    for (const principal of [kader, puskesmas, integration, tpps, admin]) {
      expect(() => assertCanWriteAt(principal, ownDesa, 'measurement')).not.toThrow();
    }
  });

  it('Given a kader and a puskesmas, when they write for another desa of their regency, then it is 403', () => {
    expect(() => assertCanWriteAt(kader, otherDesa, 'measurement')).toThrow(ForbiddenException);
    expect(() => assertCanWriteAt(puskesmas, otherDesa, 'measurement')).toThrow(ForbiddenException);
    expect(() => assertCanWriteAt(integration, otherDesa, 'measurement')).not.toThrow();
  });

  it('Given any caller of 36.03, when it writes for a child of 36.04, then it is a 404', () => {
    for (const principal of [kader, puskesmas, integration, tpps]) {
      expect(() => assertCanWriteAt(principal, foreign, 'child')).toThrow(OutOfScopeError);
    }
  });

  it('Given read-only roles, when they write, then a statistician gets 403 and a sponsor 404', () => {
    expect(() => assertCanWriteAt(statistician, ownDesa)).toThrow(ForbiddenException);
    expect(() => assertCanWriteAt(sponsor, ownDesa)).toThrow(OutOfScopeError);
  });
});
