import type { Journey } from '../db/schema';
import type { GeneratedJob } from './jobs';

const journeyCodes: readonly Journey[] = ['repair', 'planned', 'vacancy'];
const fields = [
  'id',
  'tenantId',
  'departmentId',
  'teamId',
  'technicianId',
  'contractorId',
  'unitId',
  'completedAt',
  'journey',
  'trade',
  'returnVisit',
] as const;

/** One completed job with a tenant, as the survey step needs it. */
export interface SurveyJob {
  id: number;
  tenantId: number;
  departmentId: number;
  teamId: number;
  technicianId: number | null;
  contractorId: number | null;
  unitId: number;
  /** minutes since the calendar's first day, local time, as written to jobs.completed_at */
  completedAt: number;
  journey: Journey;
  trade: string;
  /** finished on another day than the appointment: a second visit was needed */
  returnVisit: boolean;
}

/**
 * The completed jobs with a tenant, kept as columns of integers while the jobs stream past
 * (a few hundred thousand at scale 1, millions at scale 10: objects would weigh ten times more).
 */
export class SurveyJobs {
  private columns = fields.map(() => new Int32Array(1024));
  private readonly trades: string[] = [];
  private readonly tradeIndex = new Map<string, number>();
  size = 0;

  add({ status, id, draft: job }: GeneratedJob) {
    if (status !== 'completed' || !job.tenantId || !job.completed) return;
    if (this.size === this.columns[0]!.length)
      this.columns = this.columns.map((c) => {
        const bigger = new Int32Array(c.length * 2);
        bigger.set(c);
        return bigger;
      });
    let trade = this.tradeIndex.get(job.trade);
    if (trade === undefined) {
      trade = this.trades.push(job.trade) - 1;
      this.tradeIndex.set(job.trade, trade);
    }
    const values = [
      id,
      job.tenantId,
      job.departmentId,
      job.teamId,
      job.technicianId ?? 0,
      job.contractorId ?? 0,
      job.unitId,
      job.completed[0] * 1440 + Math.min(job.completed[1], 23 * 60 + 59),
      journeyCodes.indexOf(job.journey),
      trade,
      job.appointment && job.appointment[0] !== job.completed[0] ? 1 : 0,
    ];
    values.forEach((v, k) => {
      this.columns[k]![this.size] = v;
    });
    this.size++;
  }

  get(i: number): SurveyJob {
    const c = (name: (typeof fields)[number]) => this.columns[fields.indexOf(name)]![i]!;
    return {
      id: c('id'),
      tenantId: c('tenantId'),
      departmentId: c('departmentId'),
      teamId: c('teamId'),
      technicianId: c('technicianId') || null,
      contractorId: c('contractorId') || null,
      unitId: c('unitId'),
      completedAt: c('completedAt'),
      journey: journeyCodes[c('journey')]!,
      trade: this.trades[c('trade')]!,
      returnVisit: c('returnVisit') === 1,
    };
  }

  completedAt(i: number) {
    return this.columns[fields.indexOf('completedAt')]![i]!;
  }
}
