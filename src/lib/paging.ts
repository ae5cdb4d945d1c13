/**
 * How deep a list may be paged by offset: a page beyond it makes the database read and throw away
 * every row before it (page 1,000,000 of the jobs cost 0.6–0.8 s). Nobody pages through more than
 * ten thousand rows by hand; they narrow the filters. The staff app offers no page beyond it.
 */
export const MAX_PAGED_ROWS = 10_000;

/** The last page of `pageSize` rows that lies within MAX_PAGED_ROWS. */
export const lastReachablePage = (pageSize: number) => Math.max(1, Math.floor(MAX_PAGED_ROWS / pageSize));
