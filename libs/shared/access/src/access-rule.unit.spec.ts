import { Controller, Get, Post } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { Public } from '@registry/platform';
import { Access, PersonalData } from './access.decorators';
import { accessRuleOf, refusalOf, type AccessRule } from './access-rule';
import type { Role } from './principal';

@Controller('sponsorships')
@Access('tpps')
class SponsorshipsController {
  @Get()
  list() {
    return 'list';
  }

  @Post()
  @Access('tpps', 'sponsor')
  commit() {
    return 'commit';
  }

  @Get('portal')
  @Public()
  portal() {
    return 'portal';
  }
}

@Controller('children')
@PersonalData()
class ChildrenController {
  @Get()
  @Access('tpps')
  list() {
    return 'list';
  }

  @Get('count')
  @Public()
  count() {
    return 'count';
  }

  @Get('both')
  @Public()
  @Access('admin')
  both() {
    return 'both';
  }

  @Get('none')
  none() {
    return 'none';
  }
}

/** Every route of a controller with its rule: how a service's access-matrix test enumerates its routes. */
function routeRules(controller: new () => object): Record<string, AccessRule> {
  const prototype = controller.prototype as Record<string, () => void>;
  return Object.fromEntries(
    Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor' && Reflect.hasMetadata(PATH_METADATA, prototype[name]))
      .map((name) => [name, accessRuleOf(prototype[name], controller)]),
  );
}

describe('accessRuleOf', () => {
  it('Given a controller-wide @Access, when routes are enumerated, then a method rule replaces the controller rule', () => {
    expect(routeRules(SponsorshipsController)).toEqual({
      list: { kind: 'roles', roles: ['tpps'], personalData: false },
      commit: { kind: 'roles', roles: ['tpps', 'sponsor'], personalData: false },
      portal: { kind: 'public' },
    });
  });

  it('Given a @PersonalData controller, when routes are enumerated, then routes without a valid rule are flagged', () => {
    expect(routeRules(ChildrenController)).toEqual({
      list: { kind: 'roles', roles: ['tpps'], personalData: true },
      count: { kind: 'missing', reason: 'a @PersonalData() route cannot be @Public()' },
      both: { kind: 'missing', reason: 'both @Public() and @Access() given' },
      none: { kind: 'missing', reason: 'the route has neither @Public() nor @Access(...)' },
    });
  });

  it('Given a role that is not one of the registry roles, when @Access is applied, then it throws at load time', () => {
    expect(() => Access('bupati' as Role)).toThrow('@Access needs at least one known role; unknown: bupati');
  });
});

describe('refusalOf', () => {
  const personal = { kind: 'roles', roles: ['tpps', 'sponsor', 'admin'], personalData: true } as const;

  it('Given a listed role allowed personal data, when checked, then it is not refused', () => {
    expect(refusalOf(personal, 'tpps')).toBeNull();
    expect(refusalOf(personal, 'admin')).toBeNull();
  });

  it('Given a listed sponsor on a personal-data route, when checked, then it is refused', () => {
    expect(refusalOf(personal, 'sponsor')).toBe('role sponsor may not see personal data');
  });

  it('Given a role not listed, when checked, then it is refused', () => {
    expect(refusalOf(personal, 'kader')).toBe('role kader may not use this route');
  });
});
