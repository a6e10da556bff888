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
  '/v1/reports/trend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Monthly stunting prevalence of a region, with its target line and the children who became stunted */
    get: operations['ReportTrendHttpController_trend'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reports/priority-children': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The by-name list: stunted, wasted, 2T, BGM and unweighed children with what each still lacks */
    get: operations['PriorityChildrenHttpController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reports/skdn': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** SKDN per desa, kecamatan, puskesmas or posyandu for a month, as known now or asOf */
    get: operations['ReportSkdnHttpController_skdn'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reports/stunting-incidence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Incidence per wilayah for a month or a year: new cases among the children at risk */
    get: operations['ReportIncidenceHttpController_incidence[0]'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reports/wasting-incidence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Incidence per wilayah for a month or a year: new cases among the children at risk */
    get: operations['ReportIncidenceHttpController_incidence[1]'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reports/underweight-incidence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Incidence per wilayah for a month or a year: new cases among the children at risk */
    get: operations['ReportIncidenceHttpController_incidence[2]'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reports/{indicator}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prevalence per wilayah for a period: each child once (latest valid measurement), flagged excluded */
    get: operations['ReportPrevalenceHttpController_report'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/targets/{regionCode}/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the target population and target prevalence of a region for a year */
    put: operations['SetTargetHttpController_set'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/posyandu': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The posyandu of a kabupaten, kecamatan or desa, by desa and name */
    get: operations['ListPosyanduHttpController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/posyandu/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** List a posyandu of your kabupaten, or update its name, desa or puskesmas */
    put: operations['SetPosyanduHttpController_set'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/children/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The child's auditable history: every event of every service, and whether each stream's chain holds */
    get: operations['ReportTimelineHttpController_timeline'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/exports/stunting-prevalence.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stunting prevalence of every regency for one period, as CSV for central statistics */
    get: operations['ExportPrevalenceHttpController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/exports/adx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Stunting, wasting and underweight counts per place and period as ADX (IHE QRPH)
     * @description public=true (the default) leaves out what the public CSV blanks (REPORT_MIN_CELL), and a sex whenever the other sex is left out: the total minus one sex would give it back
     */
    get: operations['ExportAggregateHttpController_adx'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/exports/dhis2/data-value-sets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Stunting, wasting and underweight counts per place and period as DHIS2 dataValueSets
     * @description public=true (the default) leaves out what the public CSV blanks (REPORT_MIN_CELL), and a sex whenever the other sex is left out: the total minus one sex would give it back
     */
    get: operations['ExportAggregateHttpController_dataValueSets'];
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
    TrendMonthResponse: {
      /** @example 2025-08 */
      month: string;
      measured: number;
      stunted: number;
      prevalencePct: number | null;
      atRisk: number;
      /** @description Children who became stunted that month */
      newlyStunted: number;
      targetPrevalencePct: number | null;
    };
    TrendResponse: {
      regionCode: string;
      /** @enum {string} */
      ageGroup: 'baduta' | 'balita';
      series: components['schemas']['TrendMonthResponse'][];
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
    PriorityResidenceResponse: {
      villageCode: string;
      villageName: string | null;
      districtCode: string;
      districtName: string | null;
    };
    PriorityMeasurementResponse: {
      /** Format: uuid */
      id: string;
      /** Format: date */
      measuredOn: string | null;
      heightForAge: number | null;
      weightForHeight: number | null;
      heightForAgeClass: string | null;
      weightForHeightClass: string | null;
    };
    PriorityWeighingResponse: {
      /** Format: date */
      weighedOn: string | null;
      consecutiveT: number;
      bgm: boolean;
    };
    PriorityCaseChildResponse: {
      villageCode: string;
      districtCode: string;
      ageMonths: number;
      /** Format: date */
      agesOutOn: string;
      /** Format: date */
      lastMeasuredOn: string | null;
    };
    PriorityOverdueResponse: {
      /** @enum {string} */
      kind: 'not_measured' | 'urgent_item_not_delivered';
      /** Format: date */
      lastMeasuredOn?: string | null;
      type?: string;
      /** Format: date */
      dueOn?: string;
    };
    PriorityPackageResponse: {
      delivered: number;
      planned: number;
      missing: number;
    };
    PriorityCaseResponse: {
      /** Format: uuid */
      id: string;
      type: string;
      severity: string;
      urgent: boolean;
      /** @enum {string} */
      status: 'open' | 'closed';
      /** Format: date */
      openedOn: string;
      /** Format: date */
      closedOn: string | null;
      closeReason: string | null;
      daysOpen: number;
      /** Format: uuid */
      triggeringMeasurementId: string;
      /** Format: uuid */
      closingMeasurementId: string | null;
      regencyCode: string;
      regencyHistory: string[];
      child: components['schemas']['PriorityCaseChildResponse'];
      /** @description The intervention types of the package still missing */
      lacking: string[];
      overdue: components['schemas']['PriorityOverdueResponse'][];
      version: number;
      package: components['schemas']['PriorityPackageResponse'];
    };
    PriorityMotherResponse: {
      name: string;
      nik: string | null;
    };
    PriorityAddressResponse: {
      rt: string | null;
      rw: string | null;
      line: string | null;
    };
    PriorityPersonResponse: {
      nik: string | null;
      familyCardNumber: string | null;
      name: string;
      mother: components['schemas']['PriorityMotherResponse'];
      address: components['schemas']['PriorityAddressResponse'];
    };
    PriorityChildResponse: {
      /** Format: uuid */
      childId: string;
      reasons: ('severely_stunted' | 'stunted' | 'severely_wasted' | 'wasted' | 'bgm' | 'two_t' | 'not_weighed')[];
      ageMonths: number;
      residence: components['schemas']['PriorityResidenceResponse'];
      posyanduCode: string | null;
      latestMeasurement: components['schemas']['PriorityMeasurementResponse'] | null;
      lastWeighing: components['schemas']['PriorityWeighingResponse'];
      daysSinceLastMeasured: number | null;
      /** @description null when the cases were unavailable */
      openCases: components['schemas']['PriorityCaseResponse'][] | null;
      hasSponsor: boolean;
      /** @description null when the names were unavailable */
      person: components['schemas']['PriorityPersonResponse'] | null;
    };
    PriorityChildrenResponse: {
      regencyCode: string;
      districtCode: string | null;
      villageCode: string | null;
      posyanduCode: string | null;
      /** @enum {string|null} */
      reason: 'severely_stunted' | 'stunted' | 'severely_wasted' | 'wasted' | 'bgm' | 'two_t' | 'not_weighed' | null;
      /** Format: date */
      today: string;
      total: number;
      limit: number;
      offset: number;
      /** @description Another service that did not answer */
      warnings: string[];
      items: components['schemas']['PriorityChildResponse'][];
    };
    SkdnRowResponse: {
      code: string;
      name: string | null;
      s: number | null;
      k: number | null;
      weighed: number;
      n: number;
      t: number;
      twoT: number;
      o: number;
      b: number;
      bgm: number;
      ks: number | null;
      ds: number | null;
      nd: number | null;
      nnt: number | null;
      bgmD: number | null;
    };
    SkdnReportResponse: {
      /** @example 2025-08 */
      period: string;
      /** @enum {string} */
      groupBy: 'regency' | 'district' | 'village' | 'puskesmas' | 'posyandu';
      regionCode: string | null;
      /** Format: date-time */
      asOf: string | null;
      rows: components['schemas']['SkdnRowResponse'][];
    };
    IncidenceRowResponse: {
      code: string;
      name: string | null;
      incidencePct: number | null;
      /** @description Children at risk at the start of the period */
      atRisk: number;
      newCases: number;
    };
    IncidenceReportResponse: {
      /** @enum {string} */
      indicator: 'stunting' | 'wasting' | 'underweight';
      /** @example 2025 */
      period: string;
      /** @enum {string} */
      groupBy: 'regency' | 'district' | 'village' | 'puskesmas' | 'posyandu';
      regionCode: string | null;
      /** Format: date-time */
      asOf: string | null;
      rows: components['schemas']['IncidenceRowResponse'][];
    };
    PrevalenceRowResponse: {
      code: string;
      name: string | null;
      /** @description null when blanked (public) */
      measured: number | null;
      flaggedExcluded: number | null;
      /** @description The indicator’s moderate and severe classes */
      cases: number | null;
      prevalencePct: number | null;
      targetPopulation: number | null;
      coveragePct: number | null;
      targetPrevalencePct: number | null;
      /** @description stunting */
      severelyStunted?: number | null;
      /** @description stunting */
      stunted?: number | null;
      /** @description stunting */
      tall?: number | null;
      /** @description wasting */
      severelyWasted?: number | null;
      /** @description wasting */
      wasted?: number | null;
      /** @description wasting */
      possibleRiskOfOverweight?: number | null;
      /** @description wasting */
      overweight?: number | null;
      /** @description wasting */
      obese?: number | null;
      /** @description underweight */
      severelyUnderweight?: number | null;
      /** @description underweight */
      underweight?: number | null;
      /** @description underweight */
      riskOfOverweight?: number | null;
      /** @description every indicator */
      normal?: number | null;
    };
    PrevalenceReportResponse: {
      /** @enum {string} */
      indicator: 'stunting' | 'wasting' | 'underweight';
      /** @example 2025-08 */
      period: string;
      /** @enum {string} */
      ageGroup: 'baduta' | 'balita';
      /** @enum {string} */
      groupBy: 'province' | 'regency' | 'district' | 'village' | 'puskesmas' | 'posyandu';
      regionCode: string | null;
      asOf: string | null;
      /** @description Smallest count shown (public); 0 when nothing is blanked */
      suppressedBelow: number;
      rows: components['schemas']['PrevalenceRowResponse'][];
    };
    SetTargetRequest: {
      /**
       * @description Sasaran: balita of the wilayah that year
       * @example 12000
       */
      targetPopulation?: number;
      /**
       * @description Target stunting prevalence, %
       * @example 14
       */
      targetPrevalencePct?: number;
    };
    TargetResponse: {
      regionCode: string;
      year: number;
      targetPopulation: number | null;
      targetPrevalencePct: number | null;
    };
    PosyanduResponse: {
      /** @description The code measurements carry (posyanduCode) */
      code: string;
      name: string;
      villageCode: string;
      districtCode: string;
      regencyCode: string;
      puskesmasCode: string | null;
      /** Format: date-time */
      updatedAt: string;
    };
    PosyanduListResponse: {
      items: components['schemas']['PosyanduResponse'][];
    };
    SetPosyanduRequest: {
      /** @example Posyandu Mawar */
      name: string;
      /**
       * @description The desa (Kemendagri code) the posyandu serves
       * @example 36.03.20.2002
       */
      villageCode: string;
      /**
       * @description The puskesmas that oversees it, as on measurements
       * @example P3603200101
       */
      puskesmasCode?: string;
    };
    TimelineActorResponse: {
      subject: string;
      role: string;
      apiKeyId?: string;
    };
    TimelineEventResponse: {
      /** Format: uuid */
      eventId: string;
      /** @example child.registered */
      type: string;
      /** @description The service that recorded it */
      source: string;
      streamId: string;
      streamVersion: number;
      /** Format: date-time */
      occurredAt: string;
      /** Format: date-time */
      recordedAt: string;
      actor: components['schemas']['TimelineActorResponse'];
      regencyCode: string | null;
      /** @description The event’s data, as its type defines it */
      data: {
        [key: string]: unknown;
      };
    };
    ChainBreakResponse: {
      /** @enum {string} */
      reason: 'hash-mismatch' | 'previous-hash-mismatch' | 'missing-event';
      eventId: string | null;
      streamVersion: number;
    };
    ChainVerificationResponse: {
      ok: boolean;
      streamId: string;
      events: number;
      /** @description ok */
      streamVersion?: number;
      /** @description not ok */
      brokenAt?: components['schemas']['ChainBreakResponse'];
    };
    TimelineResponse: {
      /** Format: uuid */
      childId: string;
      events: components['schemas']['TimelineEventResponse'][];
      verification: components['schemas']['ChainVerificationResponse'][];
    };
    DataValueResponse: {
      dataElement: string;
      period: string;
      orgUnit: string;
      categoryOptionCombo: string;
      value: string;
    };
    DataValueSetResponse: {
      dataSet: string;
      period: string;
      /** @enum {string} */
      idScheme: 'CODE';
      dataValues: components['schemas']['DataValueResponse'][];
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
  ReportTrendHttpController_trend: {
    parameters: {
      query: {
        regionCode: string;
        from: string;
        to: string;
        ageGroup?: 'baduta' | 'balita';
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
          'application/json': components['schemas']['TrendResponse'];
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
      /** @description A region outside your regency */
      404: {
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
  PriorityChildrenHttpController_list: {
    parameters: {
      query?: {
        regencyCode?: string;
        districtCode?: string;
        villageCode?: string;
        /** @description The posyandu of the child’s latest measurement */
        posyanduCode?: string;
        /** @description Only the children with this reason */
        reason?: 'severely_wasted' | 'bgm' | 'wasted' | 'severely_stunted' | 'stunted' | 'two_t' | 'not_weighed';
        limit?: number;
        offset?: number;
      };
      header: {
        authorization: string;
      };
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
          'application/json': components['schemas']['PriorityChildrenResponse'];
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
      /** @description A region outside your regency */
      404: {
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
  ReportSkdnHttpController_skdn: {
    parameters: {
      query?: {
        /** @description Any level; a TPPS defaults to its own kabupaten */
        regionCode?: string;
        /** @description Answer as the registry knew it then */
        asOf?: string;
        /** @description The month (SKDN is monthly) */
        period?: string;
        /** @description Only the weighings of this posyandu */
        posyanduCode?: string;
        groupBy?: 'regency' | 'district' | 'village' | 'puskesmas' | 'posyandu';
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
          'application/json': components['schemas']['SkdnReportResponse'];
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
      /** @description A region outside your regency */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Unknown region code */
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
  'ReportIncidenceHttpController_incidence[0]': {
    parameters: {
      query?: {
        /** @description Any level; a TPPS defaults to its own kabupaten */
        regionCode?: string;
        /** @description Answer as the registry knew it then */
        asOf?: string;
        /** @description A month, or a year (the sum of its months) */
        period?: string;
        groupBy?: 'regency' | 'district' | 'village' | 'puskesmas' | 'posyandu';
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
          'application/json': components['schemas']['IncidenceReportResponse'];
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
      /** @description A region outside your regency */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Unknown region code */
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
  'ReportIncidenceHttpController_incidence[1]': {
    parameters: {
      query?: {
        /** @description Any level; a TPPS defaults to its own kabupaten */
        regionCode?: string;
        /** @description Answer as the registry knew it then */
        asOf?: string;
        /** @description A month, or a year (the sum of its months) */
        period?: string;
        groupBy?: 'regency' | 'district' | 'village' | 'puskesmas' | 'posyandu';
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
          'application/json': components['schemas']['IncidenceReportResponse'];
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
      /** @description A region outside your regency */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Unknown region code */
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
  'ReportIncidenceHttpController_incidence[2]': {
    parameters: {
      query?: {
        /** @description Any level; a TPPS defaults to its own kabupaten */
        regionCode?: string;
        /** @description Answer as the registry knew it then */
        asOf?: string;
        /** @description A month, or a year (the sum of its months) */
        period?: string;
        groupBy?: 'regency' | 'district' | 'village' | 'puskesmas' | 'posyandu';
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
          'application/json': components['schemas']['IncidenceReportResponse'];
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
      /** @description A region outside your regency */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Unknown region code */
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
  ReportPrevalenceHttpController_report: {
    parameters: {
      query?: {
        /** @description posyandu: where each child's counted measurement was taken ('' for one taken at no posyandu) */
        groupBy?: 'province' | 'regency' | 'district' | 'village' | 'puskesmas' | 'posyandu';
        /** @description Limit to one region (any level); a TPPS defaults to its own regency */
        regencyCode?: string;
        /** @description A year (2025) or a month (2025-08) */
        period?: string;
        ageGroup?: 'baduta' | 'balita';
        /** @description Answer as the registry knew it at this instant */
        asOf?: string;
        /** @description true: small cells blanked (null) as in the public CSV export — a number measured below REPORT_MIN_CELL, and a row's classes and percentage where any class is small */
        public?: unknown;
      };
      header?: never;
      path: {
        indicator: 'stunting-prevalence' | 'wasting-prevalence' | 'underweight-prevalence';
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
          'application/json': components['schemas']['PrevalenceReportResponse'];
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
      /** @description A region outside your regency */
      404: {
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
  SetTargetHttpController_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        regionCode: string;
        year: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetTargetRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TargetResponse'];
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
      /** @description A region outside your regency */
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
      /** @description Unknown region code */
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
  ListPosyanduHttpController_list: {
    parameters: {
      query?: {
        /** @description A kabupaten, kecamatan or desa; default: your kabupaten */
        regionCode?: string;
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
          'application/json': components['schemas']['PosyanduListResponse'];
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
      /** @description A region outside your regency */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Unknown region code */
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
  SetPosyanduHttpController_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The code measurements carry (posyanduCode) */
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetPosyanduRequest'];
      };
    };
    responses: {
      /** @description Updated, or already so */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PosyanduResponse'];
        };
      };
      /** @description Listed */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PosyanduResponse'];
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
      /** @description The desa is not in your kabupaten */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The code is listed in another kabupaten */
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
      /** @description Unknown desa code */
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
  ReportTimelineHttpController_timeline: {
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
          'application/json': components['schemas']['TimelineResponse'];
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
  ExportPrevalenceHttpController_export: {
    parameters: {
      query: {
        period: string;
        ageGroup?: 'baduta' | 'balita';
        /** @description Public exports blank a small number measured, and the classes and percentages of a row where any class is small; internal ones (false) are complete */
        public?: unknown;
        /** @description The figures as the registry knew them at this instant (a published figure reproduced) */
        asOf?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One line per regency */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
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
  ExportAggregateHttpController_adx: {
    parameters: {
      query: {
        /** @description Public exports blank a small number measured, and the classes and percentages of a row where any class is small; internal ones (false) are complete */
        public?: unknown;
        /** @description The figures as the registry knew them at this instant (a published figure reproduced) */
        asOf?: string;
        /** @description A year (2026), a calendar quarter (2026Q3) or a month (2026-08) */
        period: string;
        /** @description The org units: Kemendagri codes of this level */
        level?: 'province' | 'regency' | 'district' | 'village';
        /** @description Only the places inside this region (any level) */
        regionCode?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An ADX document */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/adx+xml': string;
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
      /** @description A region outside your regency */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/adx+xml': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Well-formed, but breaks a rule of the registry (see field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/adx+xml': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ExportAggregateHttpController_dataValueSets: {
    parameters: {
      query: {
        /** @description Public exports blank a small number measured, and the classes and percentages of a row where any class is small; internal ones (false) are complete */
        public?: unknown;
        /** @description The figures as the registry knew them at this instant (a published figure reproduced) */
        asOf?: string;
        /** @description A year (2026), a calendar quarter (2026Q3) or a month (2026-08) */
        period: string;
        /** @description The org units: Kemendagri codes of this level */
        level?: 'province' | 'regency' | 'district' | 'village';
        /** @description Only the places inside this region (any level) */
        regionCode?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A DHIS2 dataValueSets payload, identifiers as codes (idScheme CODE) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DataValueSetResponse'];
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
      /** @description A region outside your regency */
      404: {
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
}
