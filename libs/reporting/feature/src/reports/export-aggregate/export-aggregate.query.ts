import { Injectable } from '@nestjs/common';
import {
  AGE_GROUP_ORDER,
  EXCHANGE_INDICATORS,
  exchangeValues,
  NO_FIGURES,
  type ExchangeFigures,
  type ExchangeValue,
  type IndicatorName,
  type Period,
  type PlaceFigures,
  type Sex,
} from '@registry/reporting-domain';
import { PrevalenceQuery, type PrevalenceRow } from '../prevalence.query';
import { classColumns } from '../public-rows';
import type { ExportLevel } from './export-aggregate.request.dto';

export interface ExportAggregateRequest {
  readonly period: Period;
  readonly level: ExportLevel;
  readonly regionCode: string | null;
  readonly asOf: Date | null;
  /** Small cells left out below this count; null for the complete figures. */
  readonly minimum: number | null;
}

/**
 * The figures of the aggregate exports, per place, indicator, age group and sex. The totals are the prevalence
 * report's rows exactly as the CSV export reads them (the kept aggregate for a year or month now, else the exact
 * path); each sex is the exact path with a sex filter, since the aggregate has no sex dimension.
 */
@Injectable()
export class ExportAggregateQuery {
  constructor(private readonly prevalence: PrevalenceQuery) {}

  async run(request: ExportAggregateRequest): Promise<ExchangeValue[]> {
    const places: PlaceFigures[] = [];
    // One after the other: the exact path scans the period's measurement versions, and the pool serves others too.
    for (const indicator of EXCHANGE_INDICATORS) {
      for (const ageGroup of AGE_GROUP_ORDER) {
        const read = async (sex: Sex | null) =>
          figuresByPlace(
            indicator,
            await this.prevalence.run({
              indicator,
              groupBy: request.level,
              period: request.period,
              ageGroup,
              regionCode: request.regionCode,
              asOf: request.asOf,
              sex,
            }),
          );
        const total = await read(null);
        const male = await read('male');
        const female = await read('female');
        const codes = [...new Set([...total.keys(), ...male.keys(), ...female.keys()])].sort();
        for (const orgUnit of codes)
          places.push({
            orgUnit,
            indicator,
            ageGroup,
            total: total.get(orgUnit) ?? NO_FIGURES,
            bySex: { male: male.get(orgUnit) ?? NO_FIGURES, female: female.get(orgUnit) ?? NO_FIGURES },
          });
      }
    }
    return sortedValues(exchangeValues(places, request.minimum));
  }
}

const figuresByPlace = (indicator: IndicatorName, rows: PrevalenceRow[]): Map<string, ExchangeFigures> =>
  new Map(
    rows.map((row) => [
      row.code,
      {
        measured: row.measured,
        cases: row.cases,
        classes: classColumns(indicator).map((column) => Number(row[column])),
      },
    ]),
  );

/** By place (one ADX group each), in the order read within a place: sort is stable. */
const sortedValues = (values: ExchangeValue[]): ExchangeValue[] =>
  [...values].sort((a, b) => (a.orgUnit < b.orgUnit ? -1 : a.orgUnit > b.orgUnit ? 1 : 0));
