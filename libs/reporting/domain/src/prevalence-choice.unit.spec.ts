import { prevalenceChoiceComparator } from './prevalence-choice';

interface Candidate {
  readonly id: string;
  readonly flagged: boolean;
  readonly measuredOn: string;
  readonly recordedAt: string;
}

const ascending =
  <K extends keyof Candidate>(key: K) =>
  (a: Candidate, b: Candidate) =>
    a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;

const candidate = (id: string, overrides: Partial<Candidate> = {}): Candidate => ({
  id,
  flagged: false,
  measuredOn: '2025-03-01',
  recordedAt: '2025-03-01T00:00:00Z',
  ...overrides,
});

describe('prevalenceChoiceComparator', () => {
  const byRule = prevalenceChoiceComparator<Candidate>({
    flagged: ascending('flagged'),
    measuredOn: ascending('measuredOn'),
    recordedAt: ascending('recordedAt'),
    measurementId: ascending('id'),
  });

  it('puts the chosen candidate first: unflagged, latest measured, latest recorded, lowest measurement id', () => {
    const candidates = [
      candidate('a', { flagged: true, measuredOn: '2025-05-01' }),
      candidate('b', { measuredOn: '2025-04-01' }),
      candidate('c', { measuredOn: '2025-04-01', recordedAt: '2025-04-02T00:00:00Z' }),
      candidate('e', { measuredOn: '2025-04-01', recordedAt: '2025-04-02T00:00:00Z' }),
      candidate('d', { measuredOn: '2025-04-01', recordedAt: '2025-04-02T00:00:00Z' }),
    ];
    expect([...candidates].sort(byRule).map((c) => c.id)).toEqual(['c', 'd', 'e', 'b', 'a']);
  });

  it('leaves a skipped key to the caller', () => {
    const latestFirst = prevalenceChoiceComparator<Candidate, 'flagged'>(
      { measuredOn: ascending('measuredOn'), recordedAt: ascending('recordedAt'), measurementId: ascending('id') },
      ['flagged'],
    );
    const candidates = [
      candidate('a', { measuredOn: '2025-04-01' }),
      candidate('b', { flagged: true, measuredOn: '2025-05-01' }),
    ];
    expect([...candidates].sort(latestFirst).map((c) => c.id)).toEqual(['b', 'a']);
  });
});
