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
  '/v1/measurements:batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record up to 5,000 measurements; one result per item, in input order; durable before the answer */
    post: operations['RecordMeasurementsBatchHttpController_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/measurements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record one measurement; answers its age, z-scores, classifications and flags (WHO 2006, Permenkes 2/2020) */
    post: operations['RecordMeasurementHttpController_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/measurements/{id}/corrections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Correct a measurement: the z-scores are recomputed; history keeps every version */
    post: operations['CorrectMeasurementHttpController_correct'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/measurements/{id}/void': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Void a measurement: it no longer counts anywhere; its history stays */
    post: operations['VoidMeasurementHttpController_void'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/children/{childId}/measurements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The child's growth history with z-scores, oldest first (records merged into this child included) */
    get: operations['ChildMeasurementsHttpController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/growth-standards/{chart}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The WHO 2006 −3…+3 SD curves of one chart, from the tables the z-scores are computed with */
    get: operations['GrowthCurvesHttpController_curves'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/measurements/flagged': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The regency's implausible (flagged) measurements to correct or void, newest first */
    get: operations['FlaggedMeasurementsHttpController_list'];
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
    RecordMeasurementRequest: {
      /** @example 2025-08-12 */
      measuredOn: string;
      /**
       * @description Weight, kg. Kept to 2 decimals (0.01 kg): a value with more is rounded half up, so 7.699999999999999 is 7.7.
       * @example 9.4
       */
      weightKg?: number;
      /**
       * @description Length (lying) or height (standing) as read, cm. Kept to 1 decimal (0.1 cm): a value with more is rounded half up, so 7.699999999999999 is 7.7.
       * @example 76.5
       */
      heightCm?: number;
      /** @enum {string} */
      position: 'lying' | 'standing';
      /**
       * @description Head circumference, cm. Kept to 1 decimal (0.1 cm): a value with more is rounded half up, so 7.699999999999999 is 7.7.
       * @example 45.1
       */
      headCircumferenceCm?: number;
      /**
       * @description Mid-upper arm circumference (LiLA), cm. Kept to 1 decimal (0.1 cm): a value with more is rounded half up, so 7.699999999999999 is 7.7.
       * @example 13.2
       */
      muacCm?: number;
      /**
       * @description Bilateral pitting oedema
       * @example false
       */
      oedema?: boolean;
      /**
       * @description The puskesmas responsible for the posyandu
       * @example P3603200101
       */
      puskesmasCode: string;
      /** @example POS-Mawar-03 */
      posyanduCode?: string;
      /** @description The child id from the identity service */
      childId: string;
      /**
       * @description The integration's own record id: a resend returns the first result
       * @example SIGIZI-2025-08-000123
       */
      sourceRecordId?: string;
    };
    RecordMeasurementsBatchRequest: {
      items: components['schemas']['RecordMeasurementRequest'][];
    };
    ZScoresResponse: {
      heightForAge: number | null;
      weightForAge: number | null;
      weightForHeight: number | null;
      bmiForAge: number | null;
      headCircumferenceForAge: number | null;
    };
    ClassificationResponse: {
      /** @example stunted */
      code: string;
      /** @example Pendek */
      label: string;
    };
    ClassificationsResponse: {
      heightForAge: components['schemas']['ClassificationResponse'] | null;
      weightForAge: components['schemas']['ClassificationResponse'] | null;
      weightForHeight: components['schemas']['ClassificationResponse'] | null;
      bmiForAge: components['schemas']['ClassificationResponse'] | null;
    };
    MeasurementFlagsResponse: {
      heightForAge: boolean;
      weightForAge: boolean;
      weightForHeight: boolean;
      bmiForAge: boolean;
      headCircumferenceForAge: boolean;
      positionUnder9MonthsStanding: boolean;
    };
    WeightGainResponse: {
      /** @enum {string} */
      judgement: 'N' | 'T' | 'O' | 'B';
      gainGrams: number | null;
      kbmGrams: number | null;
      /** @description Months of T in a row */
      consecutiveT: number;
    };
    MeasurementResponse: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'recorded' | 'voided';
      version: number;
      /** Format: uuid */
      measurementId: string;
      /** Format: uuid */
      childId: string;
      /** Format: date */
      measuredOn: string;
      weightKg: number | null;
      heightCm: number | null;
      /** @enum {string|null} */
      position: 'lying' | 'standing' | null;
      headCircumferenceCm: number | null;
      muacCm: number | null;
      oedema: boolean;
      ageDays: number;
      ageMonths: number;
      correctedHeightCm: number | null;
      zScores: components['schemas']['ZScoresResponse'];
      classifications: components['schemas']['ClassificationsResponse'];
      flags: components['schemas']['MeasurementFlagsResponse'];
      puskesmasCode: string;
      posyanduCode: string | null;
      villageCode: string;
      districtCode: string;
      regencyCode: string;
      /** @enum {string} */
      standard: 'WHO-2006';
      /** @description null when there is no weight */
      weightGain?: components['schemas']['WeightGainResponse'] | null;
      /** @description Below the red line of the KMS: weight-for-age z < −3 */
      bgm?: boolean;
    };
    RecordMeasurementsBatchItemResult: {
      /** @description The item’s position in the request */
      index: number;
      /**
       * @description retry: the child is not known here yet (intake is behind on identity’s events, or the registration is on its way): send the item again after retryAfterSeconds, in a new request
       * @enum {string}
       */
      status: 'created' | 'duplicate' | 'rejected' | 'retry';
      /** @description created and duplicate */
      measurement?: components['schemas']['MeasurementResponse'];
      /**
       * Format: uuid
       * @description duplicate: the measurement recorded first
       */
      duplicateOf?: string;
      /** @description rejected and retry: why */
      reasons?: string[];
      /** @description retry */
      retryAfterSeconds?: number;
    };
    RecordMeasurementsBatchResponse: {
      results: components['schemas']['RecordMeasurementsBatchItemResult'][];
    };
    DuplicateMeasurementResponse: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'recorded' | 'voided';
      version: number;
      /** Format: uuid */
      measurementId: string;
      /** Format: uuid */
      childId: string;
      /** Format: date */
      measuredOn: string;
      weightKg: number | null;
      heightCm: number | null;
      /** @enum {string|null} */
      position: 'lying' | 'standing' | null;
      headCircumferenceCm: number | null;
      muacCm: number | null;
      oedema: boolean;
      ageDays: number;
      ageMonths: number;
      correctedHeightCm: number | null;
      zScores: components['schemas']['ZScoresResponse'];
      classifications: components['schemas']['ClassificationsResponse'];
      flags: components['schemas']['MeasurementFlagsResponse'];
      puskesmasCode: string;
      posyanduCode: string | null;
      villageCode: string;
      districtCode: string;
      regencyCode: string;
      /** @enum {string} */
      standard: 'WHO-2006';
      /** @description null when there is no weight */
      weightGain?: components['schemas']['WeightGainResponse'] | null;
      /** @description Below the red line of the KMS: weight-for-age z < −3 */
      bgm?: boolean;
      /** @enum {boolean} */
      duplicate: true;
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
    CorrectMeasurementRequest: {
      /** @example 2025-08-12 */
      measuredOn?: string;
      /**
       * @description Weight, kg. Kept to 2 decimals (0.01 kg): a value with more is rounded half up, so 7.699999999999999 is 7.7.
       * @example 9.4
       */
      weightKg?: number;
      /**
       * @description Length (lying) or height (standing) as read, cm. Kept to 1 decimal (0.1 cm): a value with more is rounded half up, so 7.699999999999999 is 7.7.
       * @example 76.5
       */
      heightCm?: number;
      /** @enum {string} */
      position?: 'lying' | 'standing';
      /**
       * @description Head circumference, cm. Kept to 1 decimal (0.1 cm): a value with more is rounded half up, so 7.699999999999999 is 7.7.
       * @example 45.1
       */
      headCircumferenceCm?: number;
      /**
       * @description Mid-upper arm circumference (LiLA), cm. Kept to 1 decimal (0.1 cm): a value with more is rounded half up, so 7.699999999999999 is 7.7.
       * @example 13.2
       */
      muacCm?: number;
      /**
       * @description Bilateral pitting oedema
       * @example false
       */
      oedema?: boolean;
      /**
       * @description The puskesmas responsible for the posyandu
       * @example P3603200101
       */
      puskesmasCode?: string;
      /** @example POS-Mawar-03 */
      posyanduCode?: string;
      /** @example Weight entered in the height field */
      reason: string;
    };
    VoidMeasurementRequest: {
      /** @example Recorded for the wrong child */
      reason: string;
    };
    VoidMeasurementResponse: {
      /** Format: uuid */
      id: string;
      /** @example voided */
      status: string;
      version: number;
    };
    ChildMeasurementsResponse: {
      /** Format: uuid */
      childId: string;
      items: components['schemas']['MeasurementResponse'][];
    };
    CurvePointResponse: {
      /** @description Age in days, or length/height in cm (see x) */
      at: number;
      values: number[];
    };
    GrowthCurvesResponse: {
      /** @example weight-for-age */
      chart: string;
      /** @enum {string} */
      sex: 'male' | 'female';
      /** @example WHO-2006 */
      standard: string;
      /** @enum {string} */
      x: 'ageDays' | 'lengthCm' | 'heightCm';
      /** @enum {string} */
      unit: 'cm' | 'kg';
      /**
       * @example [
       *       -3,
       *       -2,
       *       -1,
       *       0,
       *       1,
       *       2,
       *       3
       *     ]
       */
      zScores: number[];
      points: components['schemas']['CurvePointResponse'][];
    };
    FlaggedMeasurementsResponse: {
      /** @description Newest first */
      items: components['schemas']['MeasurementResponse'][];
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
  RecordMeasurementsBatchHttpController_record: {
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
        'application/json': components['schemas']['RecordMeasurementsBatchRequest'];
      };
    };
    responses: {
      /** @description One result per item, in input order */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordMeasurementsBatchResponse'];
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
  RecordMeasurementHttpController_record: {
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
        'application/json': components['schemas']['RecordMeasurementRequest'];
      };
    };
    responses: {
      /** @description The same sourceRecordId was recorded before: the first result, `duplicate: true` */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DuplicateMeasurementResponse'];
        };
      };
      /** @description Recorded */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeasurementResponse'];
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
      /** @description Unknown child, measured before birth or in the future, over 60 months, values outside physical ranges */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The child is not known here yet (intake is behind on identity’s events, or its registration is on its way): nothing was written; send it again after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CorrectMeasurementHttpController_correct: {
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
        'application/json': components['schemas']['CorrectMeasurementRequest'];
      };
    };
    responses: {
      /** @description The measurement as corrected, judged again */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeasurementResponse'];
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
      /** @description The measurement is voided */
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
  VoidMeasurementHttpController_void: {
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
        'application/json': components['schemas']['VoidMeasurementRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VoidMeasurementResponse'];
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
      /** @description Voided already */
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
  ChildMeasurementsHttpController_history: {
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
          'application/json': components['schemas']['ChildMeasurementsResponse'];
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
  GrowthCurvesHttpController_curves: {
    parameters: {
      query: {
        sex: 'male' | 'female';
      };
      header?: never;
      path: {
        chart:
          | 'length-height-for-age'
          | 'weight-for-age'
          | 'weight-for-length'
          | 'weight-for-height'
          | 'head-circumference-for-age';
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
          'application/json': components['schemas']['GrowthCurvesResponse'];
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
  FlaggedMeasurementsHttpController_list: {
    parameters: {
      query?: {
        limit?: unknown;
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
          'application/json': components['schemas']['FlaggedMeasurementsResponse'];
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
}
