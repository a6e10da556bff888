import { Controller, Get, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from './access.decorators';
import { accessRuleOf, type AccessRule } from './access-rule';
import { AccessRulesResponse } from './access-rules.response.dto';

export interface RouteRule {
  readonly method: string;
  /** In OpenAPI form: `/v1/children/{id}`. */
  readonly path: string;
  readonly rule: AccessRule;
}

/**
 * Every route of this service with the access rule the guard applies to it, read from the running app. The
 * access matrix test compares it with the OpenAPI document, so a route cannot ship without an explicit rule.
 */
@ApiTags('ops')
@ApiBearerAuth()
@Controller('v1/ops')
export class AccessRulesHttpController {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  @Get('access-rules')
  @Access('admin')
  @ApiOperation({
    summary: 'Each route and its access rule (public, or the roles allowed and whether it shows personal data)',
  })
  @ApiOkResponse({ type: AccessRulesResponse })
  rules(): { routes: RouteRule[] } {
    const routes = this.discovery.getControllers().flatMap(({ instance, metatype }) => {
      if (!instance || !metatype) return [];
      const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      return this.scanner.getAllMethodNames(prototype).flatMap((name) => {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        // A handler may serve several paths (`@Get(['a', 'b'])`): each is a route of its own.
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (paths === undefined || method === undefined) return [];
        return [paths].flat().map((path) => ({
          method: RequestMethod[method],
          path: openApiPath(base, path),
          rule: accessRuleOf(handler, metatype),
        }));
      });
    });
    return { routes };
  }
}

/** `v1/children` + `:id/merge` → `/v1/children/{id}/merge`; an escaped colon (`children\:batch`) stays literal. */
function openApiPath(base: string, path: string): string {
  const joined = `/${[base, path]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
  return joined.replace(/(?<!\\):(\w+)/g, '{$1}').replace(/\\:/g, ':');
}
