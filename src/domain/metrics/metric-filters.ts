import { eq, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Journey } from '../../db/schema';
import { responseConditions } from '../responses/list-responses';
import type { Period } from './periods';

/** What a dashboard narrows to, besides the period (the URL's filters). */
export interface MetricFilters {
  journey?: Journey;
  departmentId?: number;
  teamId?: number;
  technicianId?: number;
  contractorId?: number;
  trade?: string;
  /** the ones below only the responses table knows: a figure filtered on them is summed from it */
  complexId?: number;
  city?: string;
  minGrade?: number;
  maxGrade?: number;
  hasComment?: boolean;
}

/** The attribution columns both the responses table and the rollups have. */
type Column = AnyPgColumn | SQLWrapper;
export interface AttributionTable {
  journey: Column;
  departmentId: Column;
  teamId: Column;
  technicianId: Column;
  contractorId: Column;
  trade: Column;
}

/** Whether the rollups can answer for these filters (they hold no complex, city, grade band or comment). */
export const rollupsCanFilter = (f: MetricFilters) =>
  f.complexId === undefined &&
  f.city === undefined &&
  f.minGrade === undefined &&
  f.maxGrade === undefined &&
  f.hasComment === undefined;

/** The attribution filters on a rollup table. */
export function attributionConditions(table: AttributionTable, f: MetricFilters): (SQL | undefined)[] {
  return [
    f.journey ? eq(table.journey, f.journey) : undefined,
    f.departmentId ? eq(table.departmentId, f.departmentId) : undefined,
    f.teamId ? eq(table.teamId, f.teamId) : undefined,
    f.technicianId ? eq(table.technicianId, f.technicianId) : undefined,
    f.contractorId ? eq(table.contractorId, f.contractorId) : undefined,
    f.trade ? eq(table.trade, f.trade) : undefined,
  ];
}

/** Every filter on the responses table, with the period as business dates of submission. */
export function responseFilterConditions(f: MetricFilters, period?: Period): (SQL | undefined)[] {
  return responseConditions({ ...f, from: period?.from, to: period?.to });
}
