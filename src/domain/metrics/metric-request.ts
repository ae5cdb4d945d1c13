import type { Db } from '../../db/client';
import type { Actor } from '../../policy/actor';
import type { MetricFilters } from './metric-filters';
import type { Period } from './periods';

/** What every metric use case is asked with. */
export interface MetricRequest {
  db: Db;
  actor: Actor;
  period: Period;
  filters: MetricFilters;
  /** below this many, a score is hidden (config METRICS_MINIMUM_N) */
  minimumN: number;
}
