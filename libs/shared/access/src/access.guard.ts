import type { IncomingMessage } from 'node:http';
import {
  ForbiddenException,
  Injectable,
  Logger,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { accessRuleOf, refusalOf } from './access-rule';
import { Authenticator, credentialsOf } from './authenticator';
import { attachPrincipal } from './request-principal';

/**
 * Deny by default: a route answers only if it is @Public() or the caller's role is listed in its @Access(...).
 * 401 when the credentials are missing or wrong (the message says what), 403 when the role is not allowed or the
 * route has no rule, 503 when the keys to check the credentials cannot be reached.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly authenticator: Authenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Kafka consumers and other transports carry no caller credentials; only HTTP requests come from outside.
    if (context.getType() !== 'http') return true;
    const rule = accessRuleOf(context.getHandler(), context.getClass());
    if (rule.kind === 'public') return true;
    if (rule.kind === 'missing') throw new ForbiddenException(`no access rule: ${rule.reason}`);

    const request = context.switchToHttp().getRequest<IncomingMessage>();
    const outcome = await this.authenticator.authenticate(credentialsOf(request.headers));
    switch (outcome.kind) {
      case 'rejected':
        throw new UnauthorizedException(outcome.reason);
      case 'unavailable':
        this.logger.error(`${outcome.reason}: ${(outcome.cause as Error | undefined)?.message ?? 'no detail'}`);
        throw new ServiceUnavailableException(outcome.reason);
      case 'authenticated': {
        const refusal = refusalOf(rule, outcome.principal.role);
        if (refusal !== null) throw new ForbiddenException(refusal);
        attachPrincipal(request, outcome.principal);
        return true;
      }
    }
  }
}
