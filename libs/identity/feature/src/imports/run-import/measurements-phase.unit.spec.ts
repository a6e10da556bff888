import type { ImportJob, MeasurementRow } from '../import-job';
import type {
  IntakeAnswer,
  MeasurementItem,
  MeasurementItemResult,
} from '../../infrastructure/intake-measurements.client';
import { decideMeasurements } from './measurements-phase';

const job = (dryRun = false): ImportJob => ({ id: 'job-1', fileSha256: 'ab'.repeat(32), dryRun }) as ImportJob;
const headerOf = (column: string) => ({ weight: 'Berat', measuredOn: 'Tanggal Pengukuran' })[column] ?? column;

const row = (rowNumber: number, z?: number): MeasurementRow => ({
  rowNumber,
  childId: `child-${rowNumber}`,
  measurement: {
    measuredOn: '2025-08-05',
    weightKg: 9.1,
    heightCm: 74,
    position: 'lying',
    puskesmasCode: 'PKM-LEGOK',
    exported: z === undefined ? {} : { heightForAge: { z } },
  },
});

const recorded = (id: string, heightForAge: number): MeasurementItemResult['measurement'] => ({
  id,
  zScores: { heightForAge, weightForAge: -1, weightForHeight: 0 },
  classifications: { heightForAge: null, weightForAge: null, weightForHeight: null },
});

/** Intake answering each item as `answer` says, remembering what it was sent. */
function intake(answer: (item: MeasurementItem, i: number) => MeasurementItemResult | IntakeAnswer) {
  const sent: MeasurementItem[][] = [];
  const send = async (items: readonly MeasurementItem[]): Promise<IntakeAnswer> => {
    sent.push([...items]);
    const answers = items.map(answer);
    const whole = answers.find((a): a is IntakeAnswer => 'kind' in a);
    return whole ?? { kind: 'results', results: answers as MeasurementItemResult[] };
  };
  return { sent, send };
}

describe('decideMeasurements', () => {
  it("sends each row once under its source record id and lists where the export's z-score differs", async () => {
    const { sent, send } = intake((_, index) => ({
      index,
      status: 'created',
      measurement: recorded(`m-${index}`, -2.05),
    }));

    const decision = await decideMeasurements(job(), [row(2, -2.0), row(3, -2.5)], send, { headerOf });

    expect(sent[0].map((item) => item.sourceRecordId)).toEqual([
      `e-ppgbm:${'ab'.repeat(16)}:2`,
      `e-ppgbm:${'ab'.repeat(16)}:3`,
    ]);
    expect(decision).toMatchObject({ kind: 'decided', pending: [] });
    if (decision.kind !== 'decided') throw new Error('stopped');
    expect(decision.outcomes.map((o) => [o.rowNumber, o.outcome, o.measurementId, o.disagreements.length])).toEqual([
      [2, 'created', 'm-0', 0],
      [3, 'created', 'm-1', 1],
    ]);
    expect(decision.outcomes[1].disagreements[0]).toMatch(/^ZS TB\/U: export -2\.5/);
  });

  it("says intake's refusals in the file's columns, and keeps `retry` pending with intake's advice", async () => {
    const answer = (_: MeasurementItem, index: number): MeasurementItemResult =>
      index === 0
        ? { index, status: 'rejected', reasons: ['weightKg: 95 kg is outside 0.5–60 kg'] }
        : { index, status: 'retry', reasons: ['no child child-3 is known here yet'], retryAfterSeconds: 2 };
    const decision = await decideMeasurements(job(), [row(2), row(3)], intake(answer).send, { headerOf });
    expect(decision).toEqual({
      kind: 'decided',
      pending: [3],
      retryAfterSeconds: 2,
      outcomes: [
        {
          rowNumber: 2,
          outcome: 'rejected',
          measurementId: null,
          duplicateOf: null,
          reasons: ['Berat: 95 kg is outside 0.5–60 kg'],
          disagreements: [],
        },
      ],
    });
  });

  it('stops on a refused credential, and a dry run sends nothing', async () => {
    const refused = intake(() => ({ kind: 'credential_refused', message: 'intake answered 401' }));
    await expect(decideMeasurements(job(), [row(2)], refused.send, { headerOf })).resolves.toEqual({
      kind: 'stopped',
      answer: { kind: 'credential_refused', message: 'intake answered 401' },
    });

    const dry = intake(() => ({ kind: 'credential_refused', message: 'never asked' }));
    const decision = await decideMeasurements(job(true), [row(2)], dry.send, { headerOf });
    expect(dry.sent).toEqual([]);
    expect(decision).toMatchObject({ kind: 'decided', outcomes: [{ rowNumber: 2, outcome: 'would_create' }] });
  });
});
