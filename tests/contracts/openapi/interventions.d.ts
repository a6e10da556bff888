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
  '/v1/cases/overdue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open cases needing action now: the child not measured for more than 30 days, or an urgent item (management of gizi buruk) not delivered within 7 days of the case opening */
    get: operations['OverdueCasesHttpController_overdue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases:sweep': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close as aged_out the open cases of children who completed 60 months; idempotent by nature (a repeat closes nothing more), so it takes no Idempotency-Key. Answers the ids of the cases it closed. */
    post: operations['SweepCasesHttpController_sweep'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The named list of the regency: each stunted or wasted child with where it lives, how long the case is open and what of its package it still lacks; oldest cases first */
    get: operations['ListCasesHttpController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A case with its package: each required item delivered, planned or missing; days open; why it is overdue. A regency the case was transferred from still sees it. */
    get: operations['GetCaseHttpController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/intervention-types': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The catalog (Perpres 72/2021): specific and sensitive interventions with their OPD, unit, the ages and case types they apply to; the OPD codes a provider is given in, and the funding sources */
    get: operations['InterventionTypesHttpController_catalog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/interventions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record an intervention planned or delivered for a child; it counts towards the package of its open case. A puskesmas records specific (health) interventions only. */
    post: operations['RecordInterventionHttpController_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/interventions/{id}/delivery': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the delivery of a planned intervention; it keeps the day it was planned for */
    post: operations['DeliverInterventionHttpController_deliver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/interventions/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a planned intervention, or withdraw a delivery recorded in error; its history stays */
    post: operations['CancelInterventionHttpController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/children/{childId}/interventions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The child's interventions, planned, delivered and cancelled, by day. A regency sees those recorded while the child lived there; 404 for a child it never had. */
    get: operations['ChildInterventionsHttpController_list'];
    put?: never;
    post?: never;
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
    CaseChildResponse: {
      villageCode: string;
      districtCode: string;
      ageMonths: number;
      /**
       * Format: date
       * @description The day the child turns 60 months
       */
      agesOutOn: string;
      /** Format: date */
      lastMeasuredOn: string | null;
    };
    OverdueReasonResponse: {
      /** @enum {string} */
      kind: 'not_measured' | 'urgent_item_not_delivered';
      /**
       * Format: date
       * @description not_measured
       */
      lastMeasuredOn?: string | null;
      /** @description urgent_item_not_delivered: the intervention type */
      type?: string;
      /**
       * Format: date
       * @description urgent_item_not_delivered
       */
      dueOn?: string;
    };
    PackageCountsResponse: {
      delivered: number;
      planned: number;
      missing: number;
    };
    CaseSummaryResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      childId: string;
      /** @enum {string} */
      type: 'stunting' | 'wasting' | 'growth_faltering';
      /** @enum {string} */
      severity: 'moderate' | 'severe';
      urgent: boolean;
      /** @enum {string} */
      status: 'open' | 'closed';
      /** Format: date */
      openedOn: string;
      /** Format: date */
      closedOn: string | null;
      /** @enum {string|null} */
      closeReason: 'recovered' | 'aged_out' | 'died' | 'merged' | 'measurement_withdrawn' | null;
      daysOpen: number;
      /** Format: uuid */
      triggeringMeasurementId: string;
      /** Format: uuid */
      closingMeasurementId: string | null;
      /** @description The TPPS following the case */
      regencyCode: string;
      /** @description Every regency that followed it */
      regencyHistory: string[];
      child: components['schemas']['CaseChildResponse'];
      /** @description The intervention types of the package still missing */
      lacking: string[];
      overdue: components['schemas']['OverdueReasonResponse'][];
      version: number;
      package: components['schemas']['PackageCountsResponse'];
    };
    CasesResponse: {
      items: components['schemas']['CaseSummaryResponse'][];
    };
    SweepCasesResponse: {
      /** Format: date */
      asOf: string;
      /** @description The cases closed by the sweep */
      closed: string[];
    };
    PackageItemResponse: {
      type: string;
      /** @enum {string} */
      category: 'specific' | 'sensitive';
      name: string;
      /** @enum {string} */
      responsibleOpd:
        'DINKES' | 'DP2KBP3A' | 'DINSOS' | 'DPU' | 'DLH' | 'DPMD' | 'DISDUKCAPIL' | 'DISDIK' | 'DKP' | 'KEMENAG';
      /** @enum {string} */
      status: 'delivered' | 'planned' | 'missing';
      /** Format: uuid */
      interventionId: string | null;
      /** Format: date */
      on: string | null;
      urgentWithinDays: number | null;
    };
    CasePackageResponse: {
      delivered: number;
      planned: number;
      missing: number;
      /** Format: date */
      asOf: string;
      ageMonths: number;
      items: components['schemas']['PackageItemResponse'][];
    };
    CaseResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      childId: string;
      /** @enum {string} */
      type: 'stunting' | 'wasting' | 'growth_faltering';
      /** @enum {string} */
      severity: 'moderate' | 'severe';
      urgent: boolean;
      /** @enum {string} */
      status: 'open' | 'closed';
      /** Format: date */
      openedOn: string;
      /** Format: date */
      closedOn: string | null;
      /** @enum {string|null} */
      closeReason: 'recovered' | 'aged_out' | 'died' | 'merged' | 'measurement_withdrawn' | null;
      daysOpen: number;
      /** Format: uuid */
      triggeringMeasurementId: string;
      /** Format: uuid */
      closingMeasurementId: string | null;
      /** @description The TPPS following the case */
      regencyCode: string;
      /** @description Every regency that followed it */
      regencyHistory: string[];
      child: components['schemas']['CaseChildResponse'];
      /** @description The intervention types of the package still missing */
      lacking: string[];
      overdue: components['schemas']['OverdueReasonResponse'][];
      version: number;
      package: components['schemas']['CasePackageResponse'];
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
    AgeRangeResponse: {
      from: number;
      to: number;
    };
    InterventionTypeResponse: {
      code: string;
      /** @enum {string} */
      category: 'specific' | 'sensitive';
      name: string;
      /** @enum {string} */
      responsibleOpd:
        'DINKES' | 'DP2KBP3A' | 'DINSOS' | 'DPU' | 'DLH' | 'DPMD' | 'DISDUKCAPIL' | 'DISDIK' | 'DKP' | 'KEMENAG';
      unit: string;
      /** @enum {string} */
      target: 'child' | 'household' | 'pregnant_mother' | 'adolescent_girl';
      /** @description Months; null for any age */
      ageMonths: components['schemas']['AgeRangeResponse'] | null;
      caseTypes: ('stunting' | 'wasting' | 'growth_faltering')[];
      severeOnly: boolean;
      coversDays: number | null;
      urgentWithinDays: number | null;
      metByMeasurement: boolean;
    };
    OpdResponse: {
      /** @enum {string} */
      code: 'DINKES' | 'DP2KBP3A' | 'DINSOS' | 'DPU' | 'DLH' | 'DPMD' | 'DISDUKCAPIL' | 'DISDIK' | 'DKP' | 'KEMENAG';
      name: string;
    };
    InterventionTypesResponse: {
      items: components['schemas']['InterventionTypeResponse'][];
      opds: components['schemas']['OpdResponse'][];
      fundingSources: ('APBD' | 'DAK' | 'DANA_DESA' | 'BAZNAS' | 'CSR' | 'SPONSORSHIP' | 'APBN' | 'OTHER')[];
    };
    RecordInterventionRequest: {
      /** @description The child id from the identity service */
      childId: string;
      /**
       * @description A code of GET /v1/intervention-types
       * @example pmt_toddler
       */
      type: string;
      /** @enum {string} */
      status: 'planned' | 'delivered';
      /**
       * @description Required when planned; optional when delivered
       * @example 2025-08-01
       */
      plannedOn?: string;
      /**
       * @description Required when delivered; not sent when planned
       * @example 2025-08-03
       */
      deliveredOn?: string;
      /**
       * @description The OPD delivering it; codes in GET /v1/intervention-types
       * @example DINKES
       */
      provider: string;
      /**
       * @description How many, in the unit of the type
       * @example 30
       */
      quantity: number;
      /**
       * @description The unit of the type, as in GET /v1/intervention-types
       * @example paket
       */
      unit: string;
      /** @enum {string} */
      fundingSource: 'APBD' | 'DAK' | 'DANA_DESA' | 'BAZNAS' | 'CSR' | 'SPONSORSHIP' | 'APBN' | 'OTHER';
      /** @description The Orang Tua Asuh commitment paying for it; with fundingSource SPONSORSHIP */
      sponsorshipId?: string;
      /**
       * @description No personal data
       * @example Telur 1 butir per hari selama 30 hari
       */
      notes?: string;
    };
    InterventionResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      childId: string;
      /**
       * Format: uuid
       * @description The open case it serves
       */
      caseId: string | null;
      /** @description A code of the catalog (GET /v1/intervention-types) */
      type: string;
      /** @enum {string} */
      category: 'specific' | 'sensitive';
      /** @enum {string} */
      status: 'planned' | 'delivered' | 'cancelled';
      /** Format: date */
      plannedOn: string | null;
      /** Format: date */
      deliveredOn: string | null;
      /**
       * @description The OPD that delivers it
       * @enum {string}
       */
      provider:
        'DINKES' | 'DP2KBP3A' | 'DINSOS' | 'DPU' | 'DLH' | 'DPMD' | 'DISDUKCAPIL' | 'DISDIK' | 'DKP' | 'KEMENAG';
      quantity: number;
      unit: string;
      /** @enum {string} */
      fundingSource: 'APBD' | 'DAK' | 'DANA_DESA' | 'BAZNAS' | 'CSR' | 'SPONSORSHIP' | 'APBN' | 'OTHER';
      /** Format: uuid */
      sponsorshipId: string | null;
      notes: string | null;
      cancelReason: string | null;
      regencyCode: string;
      version: number;
    };
    DeliverInterventionRequest: {
      /** @example 2025-08-03 */
      deliveredOn: string;
      /**
       * @description What was actually given, when it differs from the plan
       * @example 28
       */
      quantity?: number;
      /** @description No personal data */
      notes?: string;
    };
    CancelInterventionRequest: {
      /** @example Keluarga pindah sebelum jadwal */
      reason: string;
    };
    ChildInterventionsResponse: {
      /** Format: uuid */
      childId: string;
      items: components['schemas']['InterventionResponse'][];
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
  OverdueCasesHttpController_overdue: {
    parameters: {
      query?: {
        /** @description Defaults to the caller's regency; national roles: all */
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
          'application/json': components['schemas']['CasesResponse'];
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
  SweepCasesHttpController_sweep: {
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
          'application/json': components['schemas']['SweepCasesResponse'];
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
  ListCasesHttpController_list: {
    parameters: {
      query?: {
        /** @description Defaults to the caller's regency; national roles: all */
        regencyCode?: string;
        /** @description open or closed: followed in the regency now; transferred: moved from it to another regency */
        status?: 'open' | 'closed' | 'transferred';
        type?: 'stunting' | 'wasting' | 'growth_faltering';
        /** @description The cases of one child */
        childId?: string;
        /** @description The cases of up to 200 children, comma-separated (a page of a by-name list) */
        childIds?: string[];
        /** @description true: severe wasting, to refer for management of gizi buruk */
        urgent?: boolean;
        limit?: number;
        offset?: number;
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
          'application/json': components['schemas']['CasesResponse'];
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
  GetCaseHttpController_get: {
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
          'application/json': components['schemas']['CaseResponse'];
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
    };
  };
  InterventionTypesHttpController_catalog: {
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
          'application/json': components['schemas']['InterventionTypesResponse'];
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
  RecordInterventionHttpController_record: {
    parameters: {
      query?: never;
      header?: {
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordInterventionRequest'];
      };
    };
    responses: {
      /** @description Recorded */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InterventionResponse'];
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
      /** @description Unknown child or type, delivered before planned, in the future or before birth, a type not given at the child's age, a unit or OPD not of the catalog, sponsorship funding without its sponsorshipId */
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
  DeliverInterventionHttpController_deliver: {
    parameters: {
      query?: never;
      header?: {
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeliverInterventionRequest'];
      };
    };
    responses: {
      /** @description The intervention, delivered */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InterventionResponse'];
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
      /** @description Not planned: delivered or cancelled already */
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
  CancelInterventionHttpController_cancel: {
    parameters: {
      query?: never;
      header?: {
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelInterventionRequest'];
      };
    };
    responses: {
      /** @description The intervention, cancelled */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InterventionResponse'];
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
      /** @description Cancelled already */
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
  ChildInterventionsHttpController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        childId: string;
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
          'application/json': components['schemas']['ChildInterventionsResponse'];
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
    };
  };
}
