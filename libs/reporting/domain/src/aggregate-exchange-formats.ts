import {
  AGE_GROUP_CATEGORY,
  categoryOptionComboCode,
  EXCHANGE_DATA_SETS,
  SEX_CATEGORY,
  type ExchangeValue,
} from './aggregate-exchange';
import { periodKind, type Period } from './indicators';

/** ADX's period: ISO 8601 start and duration (`2026-08-01/P1M`, `2026-07-01/P3M`, `2026-01-01/P1Y`). */
export function adxPeriod(period: Period): string {
  const duration = { year: 'P1Y', quarter: 'P3M', month: 'P1M' }[periodKind(period)];
  return `${period.from}/${duration}`;
}

/** DHIS2's period: `202608`, `2026Q3`, `2026`. */
export function dhis2Period(period: Period): string {
  return periodKind(period) === 'month' ? period.label.replace('-', '') : period.label;
}

const xmlAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/>/g, '&gt;');

export interface ExchangeHeader {
  readonly period: Period;
  readonly exported: Date;
  /** The suppression applied (0: none), and the instant the figures are as of: said in a comment, not in ADX. */
  readonly suppressedBelow: number;
  readonly asOf: string | null;
}

/**
 * An ADX message (IHE QRPH ADX, `urn:ihe:qrph:adx:2015`): one group per org unit, the disaggregations as attributes
 * named by their category codes. Values in the order given.
 */
export function toAdx(values: readonly ExchangeValue[], header: ExchangeHeader): string {
  const period = adxPeriod(header.period);
  const dataSet = EXCHANGE_DATA_SETS[periodKind(header.period)];
  const groups = new Map<string, ExchangeValue[]>();
  for (const value of values) groups.set(value.orgUnit, [...(groups.get(value.orgUnit) ?? []), value]);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- suppressedBelow=${header.suppressedBelow}${header.asOf ? ` asOf=${xmlAttribute(header.asOf)}` : ''} -->`,
    `<adx xmlns="urn:ihe:qrph:adx:2015" exported="${header.exported.toISOString()}">`,
  ];
  for (const [orgUnit, group] of groups) {
    lines.push(
      `  <group orgUnit="${xmlAttribute(orgUnit)}" period="${period}" dataSet="${dataSet}">`,
      ...group.map((value) => {
        const sex = value.sex === null ? '' : ` ${SEX_CATEGORY.code}="${SEX_CATEGORY.options[value.sex]}"`;
        return (
          `    <dataValue dataElement="${value.dataElement}" ` +
          `${AGE_GROUP_CATEGORY.code}="${AGE_GROUP_CATEGORY.options[value.ageGroup]}"${sex} value="${value.value}"/>`
        );
      }),
      '  </group>',
    );
  }
  lines.push('</adx>');
  return lines.join('\n') + '\n';
}

export interface DataValueSet {
  readonly dataSet: string;
  readonly period: string;
  /** DHIS2 reads every identifier below as a code (as `?idScheme=CODE` on the import would). */
  readonly idScheme: 'CODE';
  readonly dataValues: readonly {
    readonly dataElement: string;
    readonly period: string;
    readonly orgUnit: string;
    readonly categoryOptionCombo: string;
    readonly value: string;
  }[];
}

/** A DHIS2 dataValueSets payload, identifiers by code; DHIS2 carries values as strings. */
export function toDataValueSet(values: readonly ExchangeValue[], period: Period): DataValueSet {
  const label = dhis2Period(period);
  return {
    dataSet: EXCHANGE_DATA_SETS[periodKind(period)],
    period: label,
    idScheme: 'CODE',
    dataValues: values.map((value) => ({
      dataElement: value.dataElement,
      period: label,
      orgUnit: value.orgUnit,
      categoryOptionCombo: categoryOptionComboCode(value.ageGroup, value.sex),
      value: String(value.value),
    })),
  };
}
