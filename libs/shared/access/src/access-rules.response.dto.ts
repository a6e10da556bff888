import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from './principal';

/** A route's rule: public, the roles allowed (and whether it shows personal data), or missing (refused to all). */
export class AccessRuleResponse {
  @ApiProperty({ enum: ['public', 'roles', 'missing'] }) readonly kind!: 'public' | 'roles' | 'missing';
  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'roles' }) readonly roles?: string[];
  @ApiPropertyOptional({ description: 'roles' }) readonly personalData?: boolean;
  @ApiPropertyOptional({ description: 'missing: why the route has no rule' }) readonly reason?: string;
}

export class RouteRuleResponse {
  @ApiProperty({ example: 'GET' }) readonly method!: string;
  @ApiProperty({ example: '/v1/children/{id}' }) readonly path!: string;
  @ApiProperty({ type: AccessRuleResponse }) readonly rule!: AccessRuleResponse;
}

export class AccessRulesResponse {
  @ApiProperty({ type: [RouteRuleResponse] }) readonly routes!: RouteRuleResponse[];
}
