// Group commit for the SQLite file: every batch that arrives while the event loop is busy is written in one
// transaction when it next comes round, so under load the file commits once per turn of the loop instead of once per
// answer (each commit writes the same few pages of counts again). Each batch stays all or nothing: should the group
// fail, its batches are retried one transaction each, and only the failing one is rejected.

/** One batch: statements to run, in order, inside a transaction. */
type Batch = readonly (() => void)[];

/**
 * A committer over `transaction` (runs its argument inside BEGIN … COMMIT, rolling back if it throws).
 * @example const commit = groupCommit((work) => db.transaction(work)()); await commit([() => insert.run(1)])
 */
export function groupCommit(transaction: (work: () => void) => void): (batch: Batch) => Promise<void> {
  let waiting: { batch: Batch; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const runAll = (batches: readonly Batch[]) => transaction(() => batches.forEach((b) => b.forEach((run) => run())));

  const flush = () => {
    const group = waiting;
    waiting = [];
    try {
      runAll(group.map((g) => g.batch));
      for (const g of group) g.resolve();
    } catch {
      for (const g of group) {
        try {
          runAll([g.batch]);
          g.resolve();
        } catch (error) {
          g.reject(error);
        }
      }
    }
  };

  return (batch) =>
    new Promise<void>((resolve, reject) => {
      if (waiting.push({ batch, resolve, reject }) === 1) setImmediate(flush);
    });
}
