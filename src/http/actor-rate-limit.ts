import type { FastifyInstance } from 'fastify';
import type { TConfig } from '../config';
import type { Actor } from '../policy/actor';

const MINUTE_MS = 60_000;

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key, in this process's memory: each holds up to `perMinute` requests and
 * refills at `perMinute` a minute, so a burst of a whole minute's allowance passes and a steady
 * stream above the rate does not. No database round trip: a request costs a Map lookup.
 */
export class RequestBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep: number;

  constructor(private readonly now: () => number = () => Date.now()) {
    this.lastSweep = now();
  }

  /** Takes one request from `key`'s bucket: 0 when it may pass, else the seconds until it may. */
  take(key: string, perMinute: number): number {
    const now = this.now();
    this.sweep(now);
    const rate = perMinute / MINUTE_MS;
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
  }

  get size() {
    return this.buckets.size;
  }

  /** Once a minute, forgets the buckets idle for a minute (full again, so nothing is lost). */
  private sweep(now: number) {
    if (now - this.lastSweep < MINUTE_MS) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= MINUTE_MS) this.buckets.delete(key);
  }
}

type Limits = Pick<TConfig, 'USER_REQUESTS_PER_MINUTE' | 'API_KEY_REQUESTS_PER_MINUTE'>;

function bucketOf(actor: Actor, limits: Limits): [key: string, perMinute: number] | null {
  if (actor.kind === 'user') return [`user:${actor.userId}`, limits.USER_REQUESTS_PER_MINUTE];
  if (actor.kind === 'api_key') return [`api_key:${actor.apiKeyId}`, limits.API_KEY_REQUESTS_PER_MINUTE];
  return null;
}

/**
 * Bounds the /api/v1 requests of each signed-in user and API key (429 with Retry-After). Register
 * after authentication: it reads `request.actor`. The count lives in this process, so with N web
 * processes behind a load balancer an actor gets up to N × the limit (see README); 0 turns a limit off.
 */
export function limitRequestsPerActor(app: FastifyInstance, limits: Limits, buckets = new RequestBuckets()) {
  app.addHook('onRequest', async (request, reply) => {
    const bucket = request.actor && bucketOf(request.actor, limits);
    if (!bucket || bucket[1] <= 0) return;
    const waitSeconds = buckets.take(bucket[0], bucket[1]);
    if (waitSeconds === 0) return;
    const who = request.actor?.kind === 'api_key' ? 'an API key' : 'a signed-in user';
    return reply
      .status(429)
      .header('retry-after', String(waitSeconds))
      .send({
        error: 'rate_limited',
        message: `Too many requests: at most ${bucket[1]} a minute for ${who}. Try again in ${waitSeconds} s.`,
      });
  });
}
