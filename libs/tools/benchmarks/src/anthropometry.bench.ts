import os from 'node:os';
import type { GrowthStandards, Indicator, MeasurementInput, Sex } from '@registry/anthropometry';
import { loadGrowthStandards } from '@registry/reference-data';
import { upperMedian } from './measure';

const Z_SCORES_PER_ROUND = 5_000_000;
const ASSESSMENTS_PER_ROUND = 1_000_000;
const ROUNDS = 5;
/** Distinct inputs, cycled: enough to defeat caching of one value, small enough to stay in cache like real batches. */
const DISTINCT_INPUTS = 1 << 16;
const MASK = DISTINCT_INPUTS - 1;
const TODAY = '2026-06-30';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run measures the same inputs. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rough WHO medians at 0, 1, 2, 3, 4, 5 years, to draw children that look like a posyandu's (not exact: inputs only). */
const MEDIAN_BY_YEAR = {
  heightCm: [49.9, 75.7, 87.8, 96.1, 103.3, 110],
  weightKg: [3.3, 9.6, 12.2, 14.3, 16.3, 18.3],
  headCircumferenceCm: [34.5, 46.1, 48.3, 49.5, 50.3, 51],
};
function medianAt(series: number[], ageDays: number): number {
  const years = ageDays / 365.25;
  const lower = Math.min(Math.floor(years), series.length - 2);
  return series[lower] + (years - lower) * (series[lower + 1] - series[lower]);
}

interface Child {
  sex: Sex;
  ageDays: number;
  heightCm: number;
  weightKg: number;
  headCircumferenceCm: number;
}
function drawChild(random: () => number): Child {
  const around = (median: number, spread: number) => median * (1 + spread * (random() + random() + random() - 1.5));
  const ageDays = Math.floor(random() * 1857);
  return {
    sex: random() < 0.5 ? 'male' : 'female',
    ageDays,
    heightCm: Math.round(around(medianAt(MEDIAN_BY_YEAR.heightCm, ageDays), 0.12) * 10) / 10,
    weightKg: Math.round(around(medianAt(MEDIAN_BY_YEAR.weightKg, ageDays), 0.4) * 10) / 10,
    headCircumferenceCm: Math.round(around(medianAt(MEDIAN_BY_YEAR.headCircumferenceCm, ageDays), 0.08) * 10) / 10,
  };
}

interface LowLevelInputs {
  readonly indicators: Indicator[];
  readonly sexes: Sex[];
  readonly ats: Float64Array;
  readonly values: Float64Array;
}

/** Low-level inputs: one lookup each, the indicators in equal shares. */
function lowLevelInputs(random: () => number): LowLevelInputs {
  const inputs: LowLevelInputs = {
    indicators: new Array(DISTINCT_INPUTS),
    sexes: new Array(DISTINCT_INPUTS),
    ats: new Float64Array(DISTINCT_INPUTS),
    values: new Float64Array(DISTINCT_INPUTS),
  };
  for (let i = 0; i < DISTINCT_INPUTS; i++) {
    const child = drawChild(random);
    inputs.sexes[i] = child.sex;
    const lookups: [Indicator, number, number][] = [
      ['heightForAge', child.ageDays, child.heightCm],
      ['weightForAge', child.ageDays, child.weightKg],
      [child.ageDays < 731 ? 'weightForLength' : 'weightForHeight', child.heightCm, child.weightKg],
      ['bmiForAge', child.ageDays, child.weightKg / (child.heightCm / 100) ** 2],
      ['headCircumferenceForAge', child.ageDays, child.headCircumferenceCm],
    ];
    [inputs.indicators[i], inputs.ats[i], inputs.values[i]] = lookups[i % lookups.length];
  }
  return inputs;
}

/** Assessment inputs: dates as a posyandu sends them, positions as recorded, a little oedema. */
function assessmentInputs(random: () => number): MeasurementInput[] {
  const isoDate = (epochDay: number) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
  const measurementDay = Date.UTC(2026, 5, 1) / 86_400_000;
  return Array.from({ length: DISTINCT_INPUTS }, () => {
    const child = drawChild(random);
    const position =
      random() < 0.9 ? (child.ageDays < 731 ? 'lying' : 'standing') : random() < 0.5 ? 'lying' : 'standing';
    return {
      sex: child.sex,
      birthDate: isoDate(measurementDay - child.ageDays),
      measuredOn: isoDate(measurementDay),
      weightKg: child.weightKg,
      heightCm: child.heightCm,
      position,
      headCircumferenceCm: random() < 0.3 ? child.headCircumferenceCm : undefined,
      oedema: random() < 0.002,
    };
  });
}

interface Benchmark {
  readonly name: string;
  readonly operations: number;
  readonly run: () => number;
  readonly opsPerSecond: number[];
  checksum: number;
}

// Each loop folds its results into a checksum that is printed, so the JIT cannot drop the work.
function benchmarksOf(standards: GrowthStandards, lowLevel: LowLevelInputs, inputs: MeasurementInput[]): Benchmark[] {
  const { indicators, sexes, ats, values } = lowLevel;
  const ceilingLoop = (): number => {
    const l = 0.3487;
    const m = 3.3464;
    const s = 0.14602;
    let checksum = 0;
    for (let i = 0; i < Z_SCORES_PER_ROUND; i++) checksum += (Math.pow(values[i & MASK] / m, l) - 1) / (l * s);
    return checksum;
  };
  const zScoreLoop = (): number => {
    let checksum = 0;
    for (let i = 0; i < Z_SCORES_PER_ROUND; i++) {
      const j = i & MASK;
      checksum += standards.zScore(indicators[j], sexes[j], ats[j], values[j]) ?? 0;
    }
    return checksum;
  };
  const assessLoop = (): number => {
    const options = { today: TODAY };
    let checksum = 0;
    for (let i = 0; i < ASSESSMENTS_PER_ROUND; i++) {
      checksum += standards.assess(inputs[i & MASK], options).zScores.heightForAge ?? 0;
    }
    return checksum;
  };
  return [
    { name: 'ceiling: bare LMS formula, constant L/M/S', operations: Z_SCORES_PER_ROUND, run: ceilingLoop },
    { name: 'zScore: low-level lookup, 6 mixed indicators', operations: Z_SCORES_PER_ROUND, run: zScoreLoop },
    { name: 'assess: full assessment from dates', operations: ASSESSMENTS_PER_ROUND, run: assessLoop },
  ].map((benchmark) => ({ ...benchmark, opsPerSecond: [], checksum: 0 }));
}

/**
 * `npm run bench:anthropometry`: throughput of @registry/anthropometry, low-level z-scores and full assessments. A
 * bare LMS loop on constant L, M, S (no table lookup, no rules) is timed in the same run as a ceiling, so the ratio
 * stays meaningful on a shared machine where absolute figures drift. Rounds are interleaved and the median is reported.
 */
export async function benchAnthropometry(
  _argv: string[],
  _env: NodeJS.ProcessEnv,
  _log: (line: string) => void,
): Promise<string> {
  const random = seededRandom(42);
  const lowLevel = lowLevelInputs(random);
  const inputs = assessmentInputs(random);
  const benchmarks = benchmarksOf(loadGrowthStandards(), lowLevel, inputs);

  for (const benchmark of benchmarks) benchmark.run(); // warm-up: let the JIT optimise before timing
  for (let round = 0; round < ROUNDS; round++) {
    for (const benchmark of benchmarks) {
      const start = process.hrtime.bigint();
      benchmark.checksum = benchmark.run();
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      benchmark.opsPerSecond.push(benchmark.operations / seconds);
    }
  }

  const ceiling = upperMedian(benchmarks[0].opsPerSecond);
  const millions = (opsPerSecond: number) => `${(opsPerSecond / 1e6).toFixed(2).padStart(7)} M ops/s`;
  return [
    `anthropometry benchmark: node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'})`,
    `median of ${ROUNDS} interleaved rounds, ${DISTINCT_INPUTS} distinct inputs, single thread\n`,
    ...benchmarks.map(({ name, operations, opsPerSecond, checksum }) => {
      const rate = upperMedian(opsPerSecond);
      return (
        `${name.padEnd(46)} ${millions(rate)}  ${(1e9 / rate).toFixed(0).padStart(5)} ns/op  ` +
        `${(rate / ceiling).toFixed(3)} of ceiling  (${operations.toLocaleString('en')} ops/round, checksum ${checksum.toFixed(3)})`
      );
    }),
  ].join('\n');
}
