import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  /** answers counted as done: 2xx and 3xx */
  done: number;
  /** done per second of the run */
  rate: number;
  p99Ms: number;
  seconds: number;
  statusCodes: Record<string, number>;
  errors: number;
}

/**
 * Keep-alive load with autocannon: `connections` at once, for `seconds` or until `amount` answers.
 * `next(i)` builds request i (a new token each time); every request comes from an address of its own
 * (X-Forwarded-For), as tenants on their own phones do, so per-address rate limits see tenants.
 */
export async function runLoad(opts: {
  url: string;
  connections: number;
  seconds?: number;
  amount?: number;
  next: (i: number) => LoadRequest;
}): Promise<LoadResult> {
  let i = 0;
  const started = performance.now();
  let lastAnswer = started;
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.seconds ?? 10 }),
    // a tenant who waits long still waits: an abandoned request could be stored without being counted
    timeout: 120,
    requests: [
      {
        setupRequest: () => {
          const n = i++;
          const r = opts.next(n);
          return {
            method: r.method,
            path: r.path,
            body: r.body ?? '',
            headers: { ...r.headers, 'x-forwarded-for': clientAddress(n) },
          };
        },
      },
    ],
  });
  instance.on('response', () => {
    lastAnswer = performance.now();
  });
  const result = await instance;
  const done = result['2xx'] + result['3xx'];
  // autocannon notices the end only at its next once-a-second sample, so its own duration of a run
  // that stops after `amount` answers is rounded up to whole seconds; the last answer's moment is not
  const seconds = opts.amount ? (lastAnswer - started) / 1000 : result.duration;
  return {
    done,
    rate: done / seconds,
    p99Ms: result.latency.p99,
    seconds,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
    errors: result.errors + result.timeouts,
  };
}

/** 10.x.y.z, a different address for each of 16 million requests */
export function clientAddress(n: number) {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}
