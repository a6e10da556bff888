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
  '/v1/sponsors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Register an Orang Tua Asuh; answers the sponsor's id and its portal credentials (role sponsor) */
    post: operations['RegisterSponsorHttpController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sponsors/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A sponsor of your regency with its name and contact; the read is recorded */
    get: operations['ReadSponsorHttpController_read'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sponsors/{id}/portal-tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A fresh portal token for a sponsor of your regency */
    post: operations['IssuePortalTokenHttpController_issue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sponsorships/candidates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Children of a kecamatan with an open stunting case and no active sponsor, oldest case first */
    get: operations['ListCandidatesHttpController_candidates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sponsorships': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pledges of a regency with their fulfilment today: rupiah contributed against pledged to date, months without a contribution */
    get: operations['ListSponsorshipsHttpController_list'];
    put?: never;
    /** Record a sponsor's pledge to a child (as signed in the Berita Acara of the Rembuk Stunting) */
    post: operations['PledgeHttpController_pledge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sponsorships/{id}/contributions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record what the sponsor gave (whole rupiah and/or items), with its evidence */
    post: operations['RecordContributionHttpController_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sponsorships/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a sponsorship today; the reason becomes a notice the sponsor reads in the portal */
    post: operations['EndSponsorshipHttpController_end'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/portal/children': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your sponsored children: pseudonym, age, sex, kecamatan, growth, case, interventions, your contributions and notices */
    get: operations['PortalChildrenHttpController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/portal/children/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of your sponsored children, by the id the portal gave it; 404 for any other */
    get: operations['PortalChildrenHttpController_get'];
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
    RegisterSponsorRequest: {
      /**
       * @description individual, company (CSR), TNI, Polri, ASN, BAZNAS, NGO, other
       * @enum {string}
       */
      type: 'individual' | 'company' | 'tni' | 'polri' | 'asn' | 'baznas' | 'ngo' | 'other';
      /**
       * @description Personal data for an individual: stored encrypted
       * @example PT Sumber Pangan Sejahtera
       */
      name: string;
      /**
       * @description How the TPPS reaches the sponsor (personal data): stored encrypted
       * @example +62 812 3456 7890, csr@sumberpangan.co.id
       */
      contact: string;
      /**
       * @description The kabupaten/kota whose TPPS registers and looks after the sponsor
       * @example 36.03
       */
      regencyCode: string;
    };
    PortalAccessResponse: {
      /** @enum {string} */
      kind: 'token' | 'identity-provider';
      /**
       * @description token
       * @enum {string}
       */
      role?: 'sponsor';
      /** @description token: the bearer token of the portal */
      token?: string;
      /**
       * Format: date-time
       * @description token
       */
      expiresAt?: string;
      /** @description identity-provider: what to tell the sponsor */
      instructions?: string;
    };
    RegisteredSponsorResponse: {
      /** Format: uuid */
      sponsorId: string;
      /** @enum {string} */
      type: 'individual' | 'company' | 'tni' | 'polri' | 'asn' | 'baznas' | 'ngo' | 'other';
      regencyCode: string;
      portal: components['schemas']['PortalAccessResponse'];
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
    SponsorPersonalDataResponse: {
      name: string;
      contact: string;
    };
    SponsorResponse: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      type: 'individual' | 'company' | 'tni' | 'polri' | 'asn' | 'baznas' | 'ngo' | 'other';
      regencyCode: string;
      /** Format: date-time */
      registeredAt: string;
      /** @description null once erased */
      personalData: components['schemas']['SponsorPersonalDataResponse'] | null;
    };
    PortalTokenResponse: {
      /** Format: uuid */
      sponsorId: string;
      portal: components['schemas']['PortalAccessResponse'];
    };
    CandidateResponse: {
      /** Format: uuid */
      childId: string;
      /** Format: uuid */
      caseId: string;
      /** Format: date */
      caseOpenedOn: string;
      /** @enum {string} */
      severity: 'moderate' | 'severe';
      /** @enum {string|null} */
      sex: 'male' | 'female' | null;
      ageMonths: number | null;
      villageCode: string;
    };
    CandidatesResponse: {
      /** Format: date */
      asOf: string;
      districtCode: string;
      districtName: string;
      items: components['schemas']['CandidateResponse'][];
    };
    CommitmentResponse: {
      /** @enum {string} */
      kind: 'food' | 'eggs' | 'pmt' | 'cash' | 'visits' | 'other';
      description: string;
      /** @description Rupiah a month, when the pledge is money */
      amountIdr: number | null;
      /** Format: date */
      startOn: string;
      months: number;
    };
    FulfilmentResponse: {
      /** Format: date */
      asOf: string;
      monthsDue: number;
      pledgedToDateIdr: number | null;
      contributedIdr: number;
      contributions: number;
      monthsWithoutContribution: number;
      /** Format: date */
      lastContributionOn: string | null;
    };
    ListedSponsorshipResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      sponsorId: string;
      /** Format: uuid */
      childId: string;
      regencyCode: string;
      /** @enum {string} */
      status: 'upcoming' | 'active' | 'completed' | 'ended';
      commitment: components['schemas']['CommitmentResponse'];
      agreementRef: string;
      /** Format: date */
      endedOn: string | null;
      /** @enum {string|null} */
      endCause: 'requested' | 'completed' | 'child_died' | 'child_moved' | 'child_merged' | 'child_aged_out' | null;
      fulfilment: components['schemas']['FulfilmentResponse'];
      sponsorType: string | null;
    };
    SponsorshipsResponse: {
      /** Format: date */
      asOf: string;
      regencyCode: string | null;
      items: components['schemas']['ListedSponsorshipResponse'][];
    };
    CommitmentRequest: {
      /** @enum {string} */
      kind: 'food' | 'eggs' | 'pmt' | 'cash' | 'visits' | 'other';
      /** @example Paket PMT Rp 17.500 per hari */
      description: string;
      /**
       * @description Whole rupiah per month; required for cash
       * @example 525000
       */
      amountIdr?: number;
      /** @example 2025-08-01 */
      startOn: string;
      /**
       * @description How many months, from startOn
       * @example 6
       */
      months: number;
    };
    PledgeRequest: {
      /** @description From POST /v1/sponsors */
      sponsorId: string;
      /** @description The child id from the identity service */
      childId: string;
      commitment: components['schemas']['CommitmentRequest'];
      /**
       * @description The signed agreement
       * @example BA Rembuk Stunting Kab. Tangerang 2025 No. 12
       */
      agreementRef: string;
    };
    SponsorshipResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      sponsorId: string;
      /** Format: uuid */
      childId: string;
      regencyCode: string;
      /** @enum {string} */
      status: 'upcoming' | 'active' | 'completed' | 'ended';
      commitment: components['schemas']['CommitmentResponse'];
      agreementRef: string;
      /** Format: date */
      endedOn: string | null;
      /** @enum {string|null} */
      endCause: 'requested' | 'completed' | 'child_died' | 'child_moved' | 'child_merged' | 'child_aged_out' | null;
      fulfilment: components['schemas']['FulfilmentResponse'];
    };
    ContributedItemRequest: {
      /** @example telur ayam */
      name: string;
      /** @example 30 */
      quantity: number;
      /** @example butir */
      unit: string;
    };
    RecordContributionRequest: {
      /**
       * @description When it was given
       * @example 2025-08-05
       */
      date: string;
      /**
       * @description Whole rupiah given in cash
       * @example 525000
       */
      amountIdr?: number;
      /** @description What was given in kind */
      items?: components['schemas']['ContributedItemRequest'][];
      /**
       * @description The receipt, photo or handover record
       * @example kwitansi/2025/08/0012
       */
      evidenceRef?: string;
    };
    ContributionItemResponse: {
      name: string;
      quantity: number;
      unit: string;
    };
    ContributionResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      sponsorshipId: string;
      /** Format: date */
      date: string;
      amountIdr: number | null;
      items: components['schemas']['ContributionItemResponse'][] | null;
      evidenceRef: string | null;
      fulfilment: components['schemas']['FulfilmentResponse'];
    };
    EndSponsorshipRequest: {
      /**
       * @description The sponsor reads it
       * @example The sponsor withdrew at the Rembuk Stunting of 2025
       */
      reason: string;
    };
    EndedSponsorshipResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      sponsorId: string;
      /** Format: uuid */
      childId: string;
      regencyCode: string;
      /** @enum {string} */
      status: 'upcoming' | 'active' | 'completed' | 'ended';
      commitment: components['schemas']['CommitmentResponse'];
      agreementRef: string;
      /** Format: date */
      endedOn: string | null;
      /** @enum {string|null} */
      endCause: 'requested' | 'completed' | 'child_died' | 'child_moved' | 'child_merged' | 'child_aged_out' | null;
      fulfilment: components['schemas']['FulfilmentResponse'];
      /** @description What the sponsor is told in the portal */
      notice: string | null;
    };
    PortalZScoresResponse: {
      heightForAge: number | null;
      weightForAge: number | null;
      weightForHeight: number | null;
      bmiForAge: number | null;
      headCircumferenceForAge: number | null;
    };
    PortalClassificationResponse: {
      /** @example stunted */
      code: string;
      /** @example Pendek */
      label: string;
    };
    PortalClassificationsResponse: {
      heightForAge: components['schemas']['PortalClassificationResponse'] | null;
      weightForAge: components['schemas']['PortalClassificationResponse'] | null;
      weightForHeight: components['schemas']['PortalClassificationResponse'] | null;
    };
    PortalWeightGainResponse: {
      /** @enum {string} */
      judgement: 'N' | 'T' | 'O' | 'B';
      consecutiveT: number;
    };
    PortalGrowthResponse: {
      /** Format: date */
      measuredOn: string;
      ageMonths: number;
      zScores: components['schemas']['PortalZScoresResponse'];
      classifications: components['schemas']['PortalClassificationsResponse'];
      /** @description A value implausible for its index (WHO flags) */
      implausible: boolean;
      weightGain: components['schemas']['PortalWeightGainResponse'] | null;
      /** @description Below the red line of the KMS */
      bgm: boolean;
    };
    PortalCaseResponse: {
      type: string;
      severity: string;
      /** @enum {string} */
      status: 'open' | 'closed';
      /** Format: date */
      openedOn: string;
      /** Format: date */
      closedOn: string | null;
      closeReason: string | null;
    };
    PortalInterventionResponse: {
      type: string;
      category: string;
      /** Format: date */
      deliveredOn: string;
    };
    PortalContributionResponse: {
      /** Format: date */
      date: string;
      amountIdr: number | null;
      items: components['schemas']['ContributionItemResponse'][] | null;
      evidenceRef: string | null;
    };
    PortalNoticeResponse: {
      /** @enum {string} */
      kind: 'ended' | 'transferred';
      /** Format: date */
      on: string;
      text: string;
    };
    PortalSponsorshipResponse: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'upcoming' | 'active' | 'completed' | 'ended';
      commitment: components['schemas']['CommitmentResponse'];
      agreementRef: string;
      /** Format: date */
      endedOn: string | null;
      fulfilment: components['schemas']['FulfilmentResponse'];
      contributions: components['schemas']['PortalContributionResponse'][];
      notices: components['schemas']['PortalNoticeResponse'][];
    };
    PortalChildResponse: {
      /** @description The id the portal gives the child */
      id: string;
      /** @example Anak #1 */
      pseudonym: string;
      /**
       * Format: date
       * @description The last day the sponsor may see
       */
      asOf: string;
      /** @enum {string|null} */
      sex: 'male' | 'female' | null;
      ageMonths: number | null;
      kecamatan: string | null;
      growth: components['schemas']['PortalGrowthResponse'][];
      cases: components['schemas']['PortalCaseResponse'][];
      interventions: components['schemas']['PortalInterventionResponse'][];
      sponsorships: components['schemas']['PortalSponsorshipResponse'][];
    };
    PortalChildrenResponse: {
      items: components['schemas']['PortalChildResponse'][];
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
  RegisterSponsorHttpController_register: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retried POST returns the same sponsor */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterSponsorRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegisteredSponsorResponse'];
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
      /** @description The regency is not yours */
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
      /** @description Unknown regency code */
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
  ReadSponsorHttpController_read: {
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
          'application/json': components['schemas']['SponsorResponse'];
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
  IssuePortalTokenHttpController_issue: {
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
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PortalTokenResponse'];
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
  ListCandidatesHttpController_candidates: {
    parameters: {
      query: {
        /** @description The kecamatan */
        districtCode: string;
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
          'application/json': components['schemas']['CandidatesResponse'];
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
      /** @description The kecamatan is not in your regency */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Unknown kecamatan code */
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
  ListSponsorshipsHttpController_list: {
    parameters: {
      query?: {
        /** @description Defaults to your regency */
        regencyCode?: string;
        /** @description Only sponsorships in this state today */
        status?: 'upcoming' | 'active' | 'completed' | 'ended';
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
          'application/json': components['schemas']['SponsorshipsResponse'];
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
      /** @description Unknown regency code */
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
  PledgeHttpController_pledge: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retried POST returns the first answer */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PledgeRequest'];
      };
    };
    responses: {
      /** @description The sponsorship with its status and fulfilment */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SponsorshipResponse'];
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
      /** @description The same sponsor already sponsors the child for overlapping months */
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
      /** @description Unknown sponsor or child, a child who died or is 60 months old, amounts not whole rupiah or absurd */
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
  RecordContributionHttpController_record: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retried POST records nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordContributionRequest'];
      };
    };
    responses: {
      /** @description The contribution and the fulfilment of the sponsorship after it */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContributionResponse'];
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
      /** @description No such sponsorship in your regency */
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
      /** @description Amounts not whole rupiah, negative or absurd; a date outside the sponsorship; nothing given */
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
  EndSponsorshipHttpController_end: {
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
        'application/json': components['schemas']['EndSponsorshipRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EndedSponsorshipResponse'];
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
      /** @description Already ended, or its months are all over */
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
  PortalChildrenHttpController_list: {
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
          'application/json': components['schemas']['PortalChildrenResponse'];
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
  PortalChildrenHttpController_get: {
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
          'application/json': components['schemas']['PortalChildResponse'];
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
