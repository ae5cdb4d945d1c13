import type { Journey } from '../db/schema';
import type { DemoTable } from './generate-demo';
import { answerRows, drawAnswers } from './survey-answers';
import type { SurveyJobs } from './survey-jobs';
import type { SurveyQuality } from './survey-quality';
import type { SurveysContext } from './surveys';

const responseColumns = [
  'id',
  'invitation_id',
  'job_id',
  'questionnaire_version_id',
  'journey',
  'department_id',
  'team_id',
  'technician_id',
  'contractor_id',
  'trade',
  'unit_id',
  'complex_id',
  'completed_at',
  'submitted_at',
  'locale',
  'consent',
  'tenant_id',
  'grade',
  'nps',
];
const answerColumns = [
  'id',
  'response_id',
  'question_key',
  'question_type',
  'numeric_value',
  'text_value',
  'choice_values',
  'phase',
  'technician_influenceable',
];

/**
 * The responses to answered invitations, numbered in the order they were submitted, with the
 * attribution copied from the job as the submission does; and their typed answers. Each
 * response draws from a stream of its own, so its answers are drawn again (not kept in memory)
 * when the answers table is written after the responses.
 */
export class SurveyResponses {
  private readonly invitationIds: number[] = [];
  private readonly jobIndexes: number[] = [];
  private readonly answeredAt: number[] = [];
  private readonly locales: string[] = [];
  private order: number[] = [];
  private readonly random;

  constructor(
    private readonly c: SurveysContext,
    private readonly jobs: SurveyJobs,
    private readonly quality: SurveyQuality,
  ) {
    this.random = c.random.fork('answers');
  }

  /** called for every answered invitation while the invitations are produced */
  answered(invitationId: number, jobIndex: number, answeredAt: number, locale: string) {
    this.invitationIds.push(invitationId);
    this.jobIndexes.push(jobIndex);
    this.answeredAt.push(answeredAt);
    this.locales.push(locale);
  }

  tables(versions: Record<Journey, number>): DemoTable[] {
    return [
      {
        table: 'responses',
        columns: responseColumns,
        rows: { [Symbol.iterator]: () => this.responseRows(versions) },
      },
      {
        table: 'response_answers',
        columns: answerColumns,
        rows: { [Symbol.iterator]: () => this.answerRows() },
      },
    ];
  }

  private *responseRows(versions: Record<Journey, number>): Generator<unknown[]> {
    const a = this.answeredAt;
    this.order = a
      .map((_, i) => i)
      .sort((x, y) => a[x]! - a[y]! || this.invitationIds[x]! - this.invitationIds[y]!);
    for (let k = 0; k < this.order.length; k++) {
      const i = this.order[k]!;
      const { job, grade, nps, consent } = this.draw(k + 1, i);
      yield [
        k + 1,
        this.invitationIds[i],
        job.id,
        versions[job.journey],
        job.journey,
        job.departmentId,
        job.teamId,
        job.technicianId,
        job.contractorId,
        job.trade,
        job.unitId,
        this.c.housing.units[job.unitId - 1]!.complexId,
        this.at(job.completedAt),
        this.at(a[i]!),
        this.locales[i],
        consent,
        consent ? job.tenantId : null, // anonymous unless the tenant consented
        grade,
        nps,
      ];
    }
  }

  private *answerRows(): Generator<unknown[]> {
    let id = 0;
    for (let k = 0; k < this.order.length; k++) {
      const { job, answers } = this.draw(k + 1, this.order[k]!);
      for (const row of answerRows(job.journey, answers))
        yield [
          ++id,
          k + 1,
          row.questionKey,
          row.questionType,
          row.numericValue,
          row.textValue,
          row.choiceValues ? `{${row.choiceValues.join(',')}}` : null,
          row.phase,
          row.technicianInfluenceable,
        ];
    }
  }

  private draw(responseId: number, i: number) {
    const job = this.jobs.get(this.jobIndexes[i]!);
    const random = this.random.fork(String(responseId));
    const personEffect = this.quality.personEffect(job);
    const quality = this.quality.quality(
      random,
      { journey: job.journey, teamId: job.teamId, completedDay: Math.floor(job.completedAt / 1440) },
      personEffect,
    );
    const experience = {
      journey: job.journey,
      trade: job.trade,
      byContractor: job.technicianId === null,
      quality,
      personEffect,
      returnVisit: job.returnVisit,
    };
    return { job, ...drawAnswers(random, experience) };
  }

  private at(minute: number) {
    return this.c.calendar.at(Math.floor(minute / 1440), minute % 1440);
  }
}
