/** The part of autocannon's programmatic API the survey benches use (it ships no types). */
declare module 'autocannon' {
  interface RequestParams {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }
  interface Request extends RequestParams {
    setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams | null;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    requests?: Request[];
  }
  interface Result {
    duration: number;
    errors: number;
    timeouts: number;
    '2xx': number;
    '3xx': number;
    '4xx': number;
    '5xx': number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: { p50: number; p99: number; average: number; max: number };
    requests: { total: number; sent: number };
    throughput: { total: number };
  }
  interface Instance extends Promise<Result> {
    on(event: 'response', listener: () => void): Instance;
  }
  function autocannon(opts: Options): Instance;
  export default autocannon;
}
