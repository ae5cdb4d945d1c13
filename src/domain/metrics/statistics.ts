// The statistics of docs/METRICS.md: pure functions over the counts and sums that the SQL layer hands
// over, never over response rows.
export * from './funnel';
export * from './key-drivers';
export * from './mean';
export * from './minimum-n';
export * from './nps';
export * from './proportion';
export * from './quantiles';
