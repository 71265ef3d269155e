// Reading the journal (the outbox, a shard rebuild) and deleting settled segments take turns: a
// segment is never deleted under a reader (which would fail its read, and on Windows the delete),
// and a reader waits for a deletion in progress so it lists segments that stay.
const settle = (): undefined => undefined;

/** Keeps journal segments in place while anyone reads them. */
export class JournalReaders {
  private readers = 0;
  private removing: Promise<void> | null = null;
  private retry: (() => void) | null = null;

  /** Runs `read` with the segments pinned, after any deletion in progress. */
  async read<T>(read: () => Promise<T>): Promise<T> {
    while (this.removing) await this.removing;
    this.readers++;
    try {
      return await read();
    } finally {
      this.readers--;
      if (this.readers === 0 && this.retry) {
        const retry = this.retry;
        this.retry = null;
        retry();
      }
    }
  }

  /**
   * Runs `remove` now when nobody reads; otherwise skips it and calls `retry` once the last reader
   * has finished. Resolves when `remove` has run or has been put off.
   */
  async remove(remove: () => Promise<void>, retry: () => void): Promise<void> {
    if (this.readers > 0) {
      this.retry = retry;
      return;
    }
    const run = remove();
    this.removing = run.then(settle, settle);
    try {
      await run;
    } finally {
      this.removing = null;
    }
  }
}
