/**
 * Work that arrives together shares one round trip, as PostgreSQL's own group commit does for
 * commits: items submitted while earlier batches are under way wait and then go together. A lone
 * item starts at once (in the next event-loop turn, after the items that arrived with it). When a
 * batch fails, its items are each run again alone, so one item's failure is nobody else's.
 */
export class GroupBatcher<In, Out> {
  private waiting: Waiting<In, Out>[] = [];
  private running = 0;
  private starting = false;
  private idle: Array<() => void> = [];

  constructor(
    /** runs one batch; answers one result per item, in the items' order */
    private readonly runBatch: (items: In[]) => Promise<Out[]>,
    private readonly opts: {
      /** items in one batch at most */
      maxBatch: number;
      /** batches under way at once */
      maxRunning: number;
      /** items with the same key never share a batch (a later one waits for the next) */
      keyOf?: (item: In) => unknown;
    },
  ) {}

  run(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.running < this.opts.maxRunning && !this.starting) {
        this.starting = true;
        setImmediate(() => {
          this.starting = false;
          void this.runWaiting();
        });
      }
    });
  }

  /** Resolves once nothing waits and nothing runs (a normal stop waits for what it confirmed). */
  async drain(): Promise<void> {
    while (this.waiting.length || this.running || this.starting) {
      await new Promise<void>((resolve) => this.idle.push(resolve));
    }
  }

  private async runWaiting(): Promise<void> {
    if (this.waiting.length) {
      this.running++;
      try {
        while (this.waiting.length) await this.runItems(this.takeBatch());
      } finally {
        this.running--;
      }
    }
    if (!this.running && !this.waiting.length && !this.starting) {
      for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  /** Up to maxBatch waiting items in arrival order, each key once; the rest keep waiting. */
  private takeBatch(): Waiting<In, Out>[] {
    const { maxBatch, keyOf } = this.opts;
    const batch: Waiting<In, Out>[] = [];
    const keys = new Set<unknown>();
    const rest: Waiting<In, Out>[] = [];
    for (const waiting of this.waiting) {
      const key = keyOf?.(waiting.item);
      if (batch.length < maxBatch && (key === undefined || !keys.has(key))) {
        batch.push(waiting);
        if (key !== undefined) keys.add(key);
      } else rest.push(waiting);
    }
    this.waiting = rest;
    return batch;
  }

  private async runItems(batch: Waiting<In, Out>[]): Promise<void> {
    let results: Out[];
    try {
      results = await this.runBatch(batch.map((w) => w.item));
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(err);
      else for (const one of batch) await this.runItems([one]);
      return;
    }
    for (const [i, w] of batch.entries()) w.resolve(results[i]!);
  }
}

interface Waiting<In, Out> {
  item: In;
  resolve: (out: Out) => void;
  reject: (err: unknown) => void;
}
