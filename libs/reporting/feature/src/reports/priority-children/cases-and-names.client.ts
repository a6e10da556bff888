import { Injectable } from '@nestjs/common';
import { ReportingConfig } from '../../reporting-config';

/** An open case as the intervention service lists it. */
export type CaseSummary = {
  id: string;
  childId: string;
  type: string;
  severity: string;
  urgent: boolean;
  daysOpen: number;
  lacking: string[];
  overdue: unknown[];
};

/** Ids per call to another service: well inside a URL's 16 kB of headers. */
const IDS_PER_CALL = 200;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/**
 * What the by-name list composes from the other services for a page of children: their open cases (intervention
 * service) and their names and addresses (identity service, which records the access). Each call carries the
 * caller's own credentials and asks for those children only.
 */
@Injectable()
export class CasesAndNamesClient {
  constructor(private readonly config: ReportingConfig) {}

  async openCases(
    regencyCode: string,
    childIds: readonly string[],
    authorization: string,
  ): Promise<Map<string, CaseSummary[]>> {
    const byChild = new Map<string, CaseSummary[]>();
    const items = await this.inChunks<CaseSummary>(
      childIds,
      (ids) =>
        `${this.config.INTERVENTIONS_URL}/v1/cases?regencyCode=${regencyCode}&status=open&limit=1000&childIds=${ids}`,
      authorization,
      'intervention',
    );
    for (const item of items) byChild.set(item.childId, [...(byChild.get(item.childId) ?? []), item]);
    return byChild;
  }

  async names(childIds: readonly string[], authorization: string): Promise<Map<string, unknown>> {
    const items = await this.inChunks<{ id: string; personalData: unknown }>(
      childIds,
      (ids) => `${this.config.IDENTITY_URL}/v1/children?ids=${ids}`,
      authorization,
      'identity',
    );
    return new Map(items.map((item) => [item.id, item.personalData]));
  }

  /** The items another service lists for these children, asked IDS_PER_CALL at a time, together. */
  private async inChunks<T>(
    childIds: readonly string[],
    urlOf: (ids: string) => string,
    authorization: string,
    service: string,
  ): Promise<T[]> {
    const pages = await Promise.all(
      chunks(childIds, IDS_PER_CALL).map((ids) =>
        this.get<{ items: T[] }>(urlOf(ids.join(',')), authorization, service),
      ),
    );
    return pages.flatMap((page) => page.items);
  }

  private async get<T>(url: string, authorization: string, service: string): Promise<T> {
    const response = await fetch(url, { headers: { authorization }, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${service} service answered ${response.status}`);
    return (await response.json()) as T;
  }
}
