import { ConcurrentAppendError, ExpectedVersionConflictError } from '@registry/event-store';
import { retryingSourceRecordRaces, SourceRecordRace } from './source-record-races';

/** An attempt that throws the given errors in turn, then answers 'written'; it notes each checkFirst it got. */
function attempts(...errors: Error[]) {
  const checks: boolean[] = [];
  const attempt = async (checkFirst: boolean) => {
    checks.push(checkFirst);
    const error = errors.shift();
    if (error) throw error;
    return 'written';
  };
  return { attempt, checks };
}

const transactionOrder = () => new ConcurrentAppendError(['measurement-x'], 'transaction-order');

describe('retryingSourceRecordRaces', () => {
  it('runs again, looking the record ids up first, when the append lost a race on a stream', async () => {
    const { attempt, checks } = attempts(transactionOrder());
    await expect(retryingSourceRecordRaces(1, attempt)).resolves.toBe('written');
    expect(checks).toEqual([false, true]);
  });

  it('counts lost appends apart from lost record ids: a single POST still gets its two record-id races', async () => {
    const { attempt } = attempts(
      transactionOrder(),
      new SourceRecordRace(),
      transactionOrder(),
      new SourceRecordRace(),
    );
    await expect(retryingSourceRecordRaces(1, attempt)).resolves.toBe('written');
  });

  it('gives up on appends that keep losing, and on more record-id races than there are record ids', async () => {
    const appends = attempts(...Array.from({ length: 4 }, transactionOrder));
    await expect(retryingSourceRecordRaces(1, appends.attempt)).rejects.toBeInstanceOf(ConcurrentAppendError);
    expect(appends.checks).toHaveLength(4);
    const races = attempts(...Array.from({ length: 3 }, () => new SourceRecordRace()));
    // A conflict (409) naming the field the caller resends.
    await expect(retryingSourceRecordRaces(1, races.attempt)).rejects.toMatchObject({
      kind: 'conflict',
      field: 'sourceRecordId',
    });
  });

  it('does not retry a stale expected version or any other error', async () => {
    const { attempt, checks } = attempts(new ExpectedVersionConflictError('measurement-x', 1, 2));
    await expect(retryingSourceRecordRaces(1, attempt)).rejects.toBeInstanceOf(ExpectedVersionConflictError);
    expect(checks).toEqual([false]);
  });
});
