export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers */
    get: operations['HealthController_liveness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: PostgreSQL (schema migrated) and Kafka answer; 503 with the reason otherwise. Under-replicated partitions of the registry topics are reported in the Kafka detail, not fatal */
    get: operations['HealthController_readiness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/relay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Events this service has stored and not yet published to Kafka (0 without a relay). Intake asks identity before it calls a child unknown: a registration or a move still in this backlog is on its way */
    get: operations['HealthController_relay'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics: HTTP request durations, relay backlog and published events, consumer lag per projection and partition, dead letters, database pool, process */
    get: operations['MetricsController_scrape'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/asyncapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** AsyncAPI 3.0.0 document of the registry's Kafka topics: channels, message headers and key, and each event type's payload as JSON Schema, generated from the contracts the services check (also in docs/asyncapi.json) */
    get: operations['AsyncApiController_document'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ops/access-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Each route and its access rule (public, or the roles allowed and whether it shows personal data) */
    get: operations['AccessRulesHttpController_rules'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ops/event-backbone': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Relay lag and counters, and each projection consumer’s applied, duplicate, failed and dead-lettered counts */
    get: operations['EventBackboneHttpController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ops/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Events that kept failing and went to the dead-letter topic, with their error */
    get: operations['EventBackboneHttpController_deadLetters'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ops/freshness': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Unpublished events of this service, and how far behind each of its projections is */
    get: operations['FreshnessHttpController_freshness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/children/duplicates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Likely duplicate registrations in a regency, strongest first */
    get: operations['ListDuplicatesHttpController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/children:batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Register up to 5,000 children; one result per item, in input order */
    post: operations['RegisterChildrenBatchHttpController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/children': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Find by NIK or by ids, or search a desa by name; each child shown is recorded as an access event */
    get: operations['FindChildrenHttpController_find'];
    put?: never;
    /** Register a child (NIK optional); the regency is derived from the desa */
    post: operations['RegisterChildHttpController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/children/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A child with its personal data; the read is recorded as an access event */
    get: operations['FindChildrenHttpController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/children/{id}/corrections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Correct a registration (a new event; history keeps the old values). Stale If-Match → 409 */
    post: operations['CorrectChildHttpController_correct'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/children/{id}/relocations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a move; across kabupaten the child becomes visible to the new TPPS from then on */
    post: operations['RelocateChildHttpController_relocate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/children/{id}/death': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the death of a child; its cases and sponsorships follow */
    post: operations['RecordDeathHttpController_recordDeath'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/children/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge this duplicate record into the surviving child */
    post: operations['MergeChildrenHttpController_merge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/children/{id}/unmerge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Undo a merge: the record is active again */
    post: operations['MergeChildrenHttpController_unmerge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/children/{id}/erasure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Erase the personal data of a child for good (UU 27/2022 right to erasure) */
    post: operations['ErasePersonalDataHttpController_erase'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Keys of the regency (names and dates, never secrets) */
    get: operations['ListApiKeysHttpController_list'];
    put?: never;
    /** Issue an integration API key for a regency; the key is in this answer only */
    post: operations['IssueApiKeyHttpController_issue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api-keys/{keyId}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a key; every service refuses it once the event reaches it */
    post: operations['RevokeApiKeyHttpController_revoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    RelayBacklogResponse: {
      /** @description Events stored and not yet published to Kafka; 0 without a relay */
      backlog: number;
    };
    AccessRuleResponse: {
      /** @enum {string} */
      kind: 'public' | 'roles' | 'missing';
      /** @description roles */
      roles?: ('integration' | 'kader' | 'puskesmas' | 'tpps' | 'sponsor' | 'statistician' | 'admin')[];
      /** @description roles */
      personalData?: boolean;
      /** @description missing: why the route has no rule */
      reason?: string;
    };
    RouteRuleResponse: {
      /** @example GET */
      method: string;
      /** @example /v1/children/{id} */
      path: string;
      rule: components['schemas']['AccessRuleResponse'];
    };
    AccessRulesResponse: {
      routes: components['schemas']['RouteRuleResponse'][];
    };
    RelayStatusResponse: {
      published: number;
      batches: number;
      failedAttempts: number;
      clusterChanges: number;
      /** @description Events stored and not yet published */
      lag: number;
    };
    ConsumerStatusResponse: {
      /** @example known-children */
      projection: string;
      applied: number;
      duplicatesSkipped: number;
      failedAttempts: number;
      deadLettered: number;
    };
    EventBackboneResponse: {
      /** @description null for a service without a relay */
      relay: components['schemas']['RelayStatusResponse'] | null;
      consumers: components['schemas']['ConsumerStatusResponse'][];
    };
    DeadLetterResponse: {
      topic: string;
      partition: number;
      offset: string;
      /** @description null when the message was not a readable event */
      eventId: string | null;
      eventType: string | null;
      attempts: number;
      errorType: string;
      errorMessage: string;
      /** Format: date-time */
      deadLetteredAt: string;
    };
    ConsumerDeadLettersResponse: {
      projection: string;
      items: components['schemas']['DeadLetterResponse'][];
    };
    DeadLettersResponse: {
      consumers: components['schemas']['ConsumerDeadLettersResponse'][];
    };
    StoreFreshnessView: {
      /** @example main_54c0b8.measurement.v1 */
      topic: string;
      /** @description Events committed to this service’s store and not yet acknowledged by Kafka */
      unpublished: number;
      /** Format: date-time */
      lastRecordedAt?: string | null;
    };
    ProjectionFreshnessView: {
      /** @example known-children */
      projection: string;
      /** @description Messages on its topics this projection has not handled yet; 0 is caught up */
      behind: number;
      /** Format: date-time */
      lastAppliedAt?: string | null;
      /** @description Events that kept failing and were set aside (GET /v1/ops/dead-letters) */
      deadLetters: number;
    };
    FreshnessView: {
      /** @example intake */
      service: string;
      /**
       * Format: date-time
       * @description When these figures were read
       */
      checkedAt: string;
      /** @description Null for a service that publishes no events (reporting keeps its own, unpublished) */
      store?: components['schemas']['StoreFreshnessView'] | null;
      projections: components['schemas']['ProjectionFreshnessView'][];
    };
    DuplicatePairResponse: {
      /** Format: uuid */
      childId: string;
      /** Format: uuid */
      otherChildId: string;
      evidence: (
        | 'same_nik'
        | 'same_name_birth_date_mother'
        | 'same_name_birth_date'
        | 'same_family_card_birth_date'
        | 'same_mother_birth_date'
        | 'same_village'
      )[];
      /** @description Strength of the evidence; pairs come strongest first */
      score: number;
    };
    ListDuplicatesResponse: {
      /** @description null when none was given (and the caller has none) */
      regencyCode: string | null;
      pairs: components['schemas']['DuplicatePairResponse'][];
      /** @description What to send when no regency was given */
      note?: string;
    };
    MotherRequest: {
      /**
       * @description The mother's name (personal data, stored encrypted)
       * @example Siti Aminah
       */
      name: string;
      /**
       * @description The mother's NIK, 16 digits
       * @example 3603205203950002
       */
      nik?: string;
    };
    AddressRequest: {
      /**
       * @description Kemendagri desa/kelurahan code; the regency (tenant) is derived from it
       * @example 36.03.20.2002
       */
      villageCode: string;
      /** @example 003 */
      rt?: string;
      /** @example 001 */
      rw?: string;
      /** @example Jl. Melati No. 4 */
      line?: string;
    };
    RegisterChildRequest: {
      /**
       * @description NIK, 16 digits; optional (newborns often have none)
       * @example 3603204103240001
       */
      nik?: string;
      /**
       * @description No. KK (family card), 16 digits
       * @example 3603201203150007
       */
      familyCardNumber?: string;
      /** @example Putri Lestari */
      name: string;
      /** @enum {string} */
      sex: 'male' | 'female';
      /** @example 2024-03-01 */
      birthDate: string;
      /** @example 2900 */
      birthWeightGrams?: number;
      /** @example 48.5 */
      birthLengthCm?: number;
      mother: components['schemas']['MotherRequest'];
      address: components['schemas']['AddressRequest'];
    };
    RegisterChildrenBatchRequest: {
      items: components['schemas']['RegisterChildRequest'][];
    };
    RegisterChildrenBatchItemResult: {
      /** @description The item’s position in the request */
      index: number;
      /** @enum {string} */
      status: 'created' | 'already_registered' | 'rejected';
      /**
       * Format: uuid
       * @description created: the new child
       */
      id?: string;
      /** @description created: the version of the child’s stream */
      version?: number;
      /**
       * Format: uuid
       * @description already_registered: the child holding the NIK, when the caller may see it
       */
      existingChildId?: string;
      /** @description already_registered and rejected: why */
      reasons?: string[];
    };
    RegisterChildrenBatchResponse: {
      results: components['schemas']['RegisterChildrenBatchItemResult'][];
    };
    RegisterChildResponse: {
      /** Format: uuid */
      id: string;
      /** @description The version of the child’s stream; a correction sends it back as expectedVersion */
      version: number;
      /**
       * @description Derived from the desa
       * @example 3201
       */
      regencyCode: string;
      /** @example 3201010001 */
      villageCode: string;
    };
    FieldProblemResponse: {
      /** @example birthDate */
      field: string;
      /**
       * @example [
       *       "birthDate must be a calendar date, YYYY-MM-DD"
       *     ]
       */
      problems: string[];
    };
    ErrorResponse: {
      /**
       * @description What is wrong and what to send instead
       * @example nik: already registered
       */
      message: string;
      /**
       * @description The HTTP status, repeated (access and validation refusals)
       * @example 400
       */
      statusCode?: number;
      /**
       * @description The status text, e.g. Bad Request
       * @example Bad Request
       */
      error?: string;
      /**
       * @description The one field to fix (a rule violation)
       * @example nik
       */
      field?: string;
      /** @description Every field to fix (a refused body or query) */
      fields?: components['schemas']['FieldProblemResponse'][];
      /** @description With 503: when to send the request again (also in Retry-After) */
      retryAfterSeconds?: number;
    };
    ResidenceResponse: {
      villageCode: string;
      villageName: string | null;
      districtCode: string;
      districtName: string | null;
      regencyCode: string;
      regencyName: string | null;
    };
    MotherResponse: {
      name: string;
      nik: string | null;
    };
    StreetAddressResponse: {
      rt: string | null;
      rw: string | null;
      line: string | null;
    };
    ChildPersonalDataResponse: {
      nik: string | null;
      familyCardNumber: string | null;
      name: string;
      mother: components['schemas']['MotherResponse'];
      address: components['schemas']['StreetAddressResponse'];
    };
    ChildResponse: {
      /** Format: uuid */
      id: string;
      /** @description Send it as If-Match to correct the child */
      version: number;
      /** @enum {string} */
      status: 'active' | 'merged' | 'died';
      /** @enum {string} */
      sex: 'male' | 'female';
      /** Format: date */
      birthDate: string;
      birthWeightGrams: number | null;
      birthLengthCm: number | null;
      /** Format: date */
      diedOn: string | null;
      /** Format: uuid */
      mergedInto: string | null;
      /** Format: date-time */
      registeredAt: string;
      residence: components['schemas']['ResidenceResponse'];
      /** @description null once erased (UU 27/2022) */
      personalData: components['schemas']['ChildPersonalDataResponse'] | null;
    };
    FindChildrenResponse: {
      items: components['schemas']['ChildResponse'][];
    };
    MotherCorrection: {
      /**
       * @description The mother's name (personal data, stored encrypted)
       * @example Siti Aminah
       */
      name?: string;
      /**
       * @description The mother's NIK, 16 digits
       * @example 3603205203950002
       */
      nik?: string;
    };
    AddressCorrection: {
      /** @example 003 */
      rt?: string;
      /** @example 001 */
      rw?: string;
      /** @example Jl. Melati No. 4 */
      line?: string;
    };
    CorrectChildRequest: {
      /**
       * @description NIK, 16 digits; optional (newborns often have none)
       * @example 3603204103240001
       */
      nik?: string;
      /**
       * @description No. KK (family card), 16 digits
       * @example 3603201203150007
       */
      familyCardNumber?: string;
      /** @example Putri Lestari */
      name?: string;
      /** @enum {string} */
      sex?: 'male' | 'female';
      /** @example 2024-03-01 */
      birthDate?: string;
      /** @example 2900 */
      birthWeightGrams?: number;
      /** @example 48.5 */
      birthLengthCm?: number;
      mother?: components['schemas']['MotherCorrection'];
      address?: components['schemas']['AddressCorrection'];
      /** @example Birth date copied wrongly from the KIA book */
      reason: string;
    };
    CorrectChildResponse: {
      /** Format: uuid */
      id: string;
      /** @description The version after the correction */
      version: number;
      /** @description The fields the correction changed */
      changedFields: string[];
    };
    RelocateChildRequest: {
      /**
       * @description The new desa; it may lie in another kabupaten
       * @example 36.04.23.2015
       */
      villageCode: string;
      /** @example 2025-01-10 */
      movedOn: string;
    };
    RelocateChildResponse: {
      /** Format: uuid */
      id: string;
      version: number;
      villageCode: string;
      regencyCode: string;
    };
    RecordDeathRequest: {
      /** @example 2025-06-01 */
      diedOn: string;
    };
    RecordDeathResponse: {
      /** Format: uuid */
      id: string;
      version: number;
      /** @example died */
      status: string;
    };
    MergeChildRequest: {
      /** @example Registered twice by two posyandu */
      reason: string;
      /** @description The surviving record; this one is merged into it */
      intoChildId: string;
    };
    MergeChildResponse: {
      /** Format: uuid */
      id: string;
      version: number;
      /** @example active */
      status: string;
      /**
       * Format: uuid
       * @description The surviving child
       */
      mergedInto: string;
    };
    ReasonRequest: {
      /** @example Registered twice by two posyandu */
      reason: string;
    };
    UnmergeChildResponse: {
      /** Format: uuid */
      id: string;
      version: number;
      /** @example active */
      status: string;
    };
    ErasePersonalDataResponse: {
      /** Format: uuid */
      id: string;
      /** @example erased */
      personalData: string;
    };
    IssueApiKeyRequest: {
      /**
       * @description Which integration uses the key
       * @example SIGIZI Kabupaten Tangerang
       */
      name: string;
      /** @example 36.03 */
      regencyCode: string;
    };
    IssuedApiKeyResponse: {
      keyId: string;
      name: string;
      regencyCode: string;
      /** @description The secret: send it in the header named below; it is not shown again */
      apiKey: string;
      /** @example x-api-key */
      header: string;
    };
    RevokedApiKeyResponse: {
      keyId: string;
      /** Format: date-time */
      revokedAt: string;
    };
    ApiKeyResponse: {
      keyId: string;
      name: string;
      regencyCode: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      revokedAt: string | null;
    };
    ApiKeysResponse: {
      items: components['schemas']['ApiKeyResponse'][];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_liveness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example ok
             * @enum {string}
             */
            status?: 'ok' | 'degraded';
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example {} */
            error?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The Health Check is not successful */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example error
             * @enum {string}
             */
            status?: 'error' | 'shutting_down';
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect",
             *         "responseTime": 3005
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect",
             *         "responseTime": 3005
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  HealthController_readiness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example ok
             * @enum {string}
             */
            status?: 'ok' | 'degraded';
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example {} */
            error?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The Health Check is not successful */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example error
             * @enum {string}
             */
            status?: 'error' | 'shutting_down';
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect",
             *         "responseTime": 3005
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect",
             *         "responseTime": 3005
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  HealthController_relay: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RelayBacklogResponse'];
        };
      };
    };
  };
  MetricsController_scrape: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Prometheus text exposition format 0.0.4 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain; version=0.0.4; charset=utf-8': string;
        };
      };
    };
  };
  AsyncApiController_document: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The AsyncAPI document */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
    };
  };
  AccessRulesHttpController_rules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccessRulesResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  EventBackboneHttpController_status: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventBackboneResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  EventBackboneHttpController_deadLetters: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeadLettersResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  FreshnessHttpController_freshness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FreshnessView'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ListDuplicatesHttpController_list: {
    parameters: {
      query?: {
        /** @description Required for roles that see every regency */
        regencyCode?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListDuplicatesResponse'];
        };
      };
      /** @description Malformed request: a field, parameter or the body itself (see fields) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  RegisterChildrenBatchHttpController_register: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retried batch with the same key returns the first answer */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterChildrenBatchRequest'];
      };
    };
    responses: {
      /** @description One result per item, in input order */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegisterChildrenBatchResponse'];
        };
      };
      /** @description Malformed request: a field, parameter or the body itself (see fields) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description This Idempotency-Key was sent before with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  FindChildrenHttpController_find: {
    parameters: {
      query?: {
        /** @description Find the child holding this NIK */
        nik?: string;
        /** @description Up to 500 child ids, comma-separated (a by-name list) */
        ids?: string[];
        /** @description Search within one desa (with name) */
        villageCode?: string;
        /** @description Part of the name, case and spacing ignored (with villageCode) */
        name?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FindChildrenResponse'];
        };
      };
      /** @description Malformed request: a field, parameter or the body itself (see fields) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description None of nik, ids or villageCode was given */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  RegisterChildHttpController_register: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retried POST with the same key returns the first answer */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterChildRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegisterChildResponse'];
        };
      };
      /** @description Malformed request: a field, parameter or the body itself (see fields) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description NIK already registered (existingChildId when in your scope) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Unknown desa, NIK disagreeing with birth date or sex, birth date in the future */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  FindChildrenHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChildResponse'];
        };
      };
      /** @description Malformed request: a field, parameter or the body itself (see fields) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Not found, or not in the caller’s wilayah */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description id is not a UUID */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CorrectChildHttpController_correct: {
    parameters: {
      query?: never;
      header: {
        /** @description The version of the child being corrected */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CorrectChildRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CorrectChildResponse'];
        };
      };
      /** @description Malformed request: a field, parameter or the body itself (see fields) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Not found, or not in the caller’s wilayah */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description If-Match is not the current version (currentVersion says which is), or the record is merged */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description If-Match is missing or is not a version */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Well-formed, but breaks a rule of the registry (see field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  RelocateChildHttpController_relocate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RelocateChildRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RelocateChildResponse'];
        };
      };
      /** @description Malformed request: a field, parameter or the body itself (see fields) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Not found, or not in the caller’s wilayah */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The child is merged or has died */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Well-formed, but breaks a rule of the registry (see field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  RecordDeathHttpController_recordDeath: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordDeathRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordDeathResponse'];
        };
      };
      /** @description Malformed request: a field, parameter or the body itself (see fields) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Not found, or not in the caller’s wilayah */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The child is merged or has died already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Well-formed, but breaks a rule of the registry (see field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  MergeChildrenHttpController_merge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MergeChildRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MergeChildResponse'];
        };
      };
      /** @description Malformed request: a field, parameter or the body itself (see fields) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Not found, or not in the caller’s wilayah */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Either child is not active */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Well-formed, but breaks a rule of the registry (see field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  MergeChildrenHttpController_unmerge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnmergeChildResponse'];
        };
      };
      /** @description Malformed request: a field, parameter or the body itself (see fields) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Not found, or not in the caller’s wilayah */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The child is not merged */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ErasePersonalDataHttpController_erase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErasePersonalDataResponse'];
        };
      };
      /** @description Malformed request: a field, parameter or the body itself (see fields) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Not found, or not in the caller’s wilayah */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ListApiKeysHttpController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeysResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  IssueApiKeyHttpController_issue: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IssueApiKeyRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssuedApiKeyResponse'];
        };
      };
      /** @description Malformed request: a field, parameter or the body itself (see fields) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Another regency than yours */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Well-formed, but breaks a rule of the registry (see field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  RevokeApiKeyHttpController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        keyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RevokedApiKeyResponse'];
        };
      };
      /** @description Malformed request: a field, parameter or the body itself (see fields) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Credentials missing, expired or wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The role may not do this, or not in this wilayah */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Not found, or not in the caller’s wilayah */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Revoked already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
}
