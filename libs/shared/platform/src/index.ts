export { createServiceApp, runService, type BootstrapOptions } from './bootstrap';
export { ConfigurationError, loadConfig, ServiceConfig } from './config/service-config';
export { localServiceUrl, ServiceUrl } from './config/service-url';
export { SchemaBootstrap, type SchemaState } from './database/schema-bootstrap';
export { serviceDatabaseUrl, defaultDatabaseName } from './database/database-names';
export { KafkaConnection } from './kafka/kafka-connection';
export { TopicBootstrap } from './kafka/kafka.module';
export { IS_PUBLIC, Public } from './http/public.decorator';
export { ApiRefusals } from './http/api-refusals.decorator';
export { openApiDocument, previewOpenApiDocument } from './http/openapi-document';
export {
  fieldProblems,
  MAX_BODY_DEPTH,
  registryValidationPipe,
  tooDeep,
  type FieldProblem,
} from './http/validation.pipe';
export {
  collapseSpaces,
  FACILITY_CODE,
  hasNoControlCharacters,
  IsCalendarDate,
  isCalendarDate,
  NoControlCharacters,
  uuidParam,
} from './http/request-validators';
export { JSON_BODY_LIMIT_BYTES, jsonBody, type FileBodyRoute } from './http/json-body';
export { ServiceConfigModule } from './config/service-config.module';
export { ServiceModule, type ServiceOptions } from './service.module';
export {
  EventBackbone,
  EventSourcingModule,
  PG_POOL,
  type EventSourcingOptions,
} from './event-sourcing/event-sourcing.module';
export { EVENT_STORE_MIGRATIONS } from './event-sourcing/event-store.migration';
export { IDEMPOTENCY_HEADER, IdempotencyRecords, type StoredResponse } from './http/idempotency';
export { RetryLaterException, RetryLaterFilter } from './http/retry-later';
export { UNMATCHED_ROUTE } from './metrics/service-metrics';
export { refusalOf, ruleViolationAsHttp, RuleViolationFilter, type Refusal } from './http/rule-violation.filter';
