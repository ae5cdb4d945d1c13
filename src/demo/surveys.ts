import type { Journey } from '../db/schema';
import type { DemoTable } from './generate-demo';
import type { generateJobs, JobsContext } from './jobs';
import { follow, InvitationDecider, responsePropensity, sendAfterOf } from './survey-invitations';
import { SurveyJobs } from './survey-jobs';
import { SurveyQuality } from './survey-quality';
import { SurveyResponses } from './survey-responses';
import { DemoSurveyTokens } from './survey-tokens';

/** What the jobs step had, and the jobs as they stream past. */
export interface SurveysContext extends JobsContext {
  jobs: ReturnType<typeof generateJobs>;
}

/** What only the database knows: the published questionnaire versions, and the install's secret. */
export interface SurveyTableOptions {
  questionnaireVersionIds?: Record<Journey, number>;
  /** with it, the links of open invitations are real: derived like the dispatcher derives them */
  secret?: string;
}

const DEFAULT_RESPONSE_RATE = 0.3;
const nulls = (n: number) => new Array(n).fill(null);
const invitationColumns = [
  'id',
  'job_id',
  'tenant_id',
  'journey',
  'status',
  'suppression_reason',
  'channel',
  'questionnaire_version_id',
  'token_hash',
  'token_nonce',
  'send_after',
  'sent_at',
  'reminded_at',
  'expires_at',
  'opened_at',
  'answered_at',
  'locale',
  'created_at',
];

/**
 * Step 7: an invitation for every completed job with a tenant (repair and planned maintenance;
 * vacancy work has no tenant), decided the way the dispatcher decides, and about 30% of the sent
 * ones answered (`volumes.responses` sets a target number instead). Jobs are collected as they
 * stream past; the tables are produced once they have (load them after `jobs`).
 */
export function generateSurveys(c: SurveysContext) {
  const jobs = new SurveyJobs();
  c.jobs.observe((job) => jobs.add(job));
  const quality = new SurveyQuality(
    c.random.fork('effects'),
    c.org,
    c.people,
    c.contractors,
    c.calendar.lastReportDay,
  );
  const responses = new SurveyResponses(c, jobs, quality);
  const now = c.calendar.today * 1440;
  const at = (minute: number | null) =>
    minute === null ? null : c.calendar.at(Math.floor(minute / 1440), minute % 1440);
  const linkTeam = c.org.teams.find((t) => t.kind === 'repair')!.id; // teamleider@'s team (logins.ts)
  const tenant = (id: number) => c.tenants.tenants[id - 1]!;
  const optedOut = (id: number) => {
    const s = tenant(id).optedOutAt;
    return s ? c.calendar.indexOf(s.slice(0, 10)) * 1440 + +s.slice(11, 13) * 60 + +s.slice(14, 16) : null;
  };
  /** the 5 most recent open invitations of teamleider@'s team, with their working links */
  const tryLinks: { invitationId: number; token: string }[] = [];
  const counts: Record<string, number> = {};
  const count = (key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };

  function* invitationRows(options: SurveyTableOptions): Generator<unknown[]> {
    const versions = options.questionnaireVersionIds ?? { repair: 1, planned: 2, vacancy: 3 };
    const sendAfter = new Int32Array(jobs.size);
    for (let i = 0; i < jobs.size; i++) sendAfter[i] = sendAfterOf(jobs.completedAt(i));
    const order = Array.from({ length: jobs.size }, (_, i) => i).sort(
      (a, b) => sendAfter[a]! - sendAfter[b]! || a - b,
    );
    // First the decisions (they depend on earlier invitations only), then the response rate.
    const decider = new InvitationDecider(now);
    const decide = c.random.fork('decisions');
    const decisions = order.map((i) => {
      const { tenantId, completedAt } = jobs.get(i);
      const channel = tenant(tenantId).preferredChannel;
      return decider.decide(
        decide,
        { tenantId, completedAt, sendAfter: sendAfter[i]! },
        { optedOutAt: optedOut(tenantId), channel },
      );
    });
    const delivered = decisions.filter((d) => d.status === 'sent').length;
    const rate =
      c.volumes.responses === undefined
        ? DEFAULT_RESPONSE_RATE
        : c.volumes.responses / Math.max(1, delivered);
    const propensity = responsePropensity(c.random.fork('propensity'), c.tenants.tenants.length);
    const answering = c.random.fork('answering');
    const tokens = new DemoSurveyTokens(c.random.fork('tokens'), options.secret, linkTeam);
    for (let k = 0; k < order.length; k++) {
      const id = k + 1;
      const job = jobs.get(order[k]!);
      const d = decisions[k]!;
      const base = [id, job.id, job.tenantId, job.journey];
      const created = at(job.completedAt);
      if (d.status !== 'sent') {
        const reason = d.status === 'suppressed' ? d.reason : null;
        count(reason ? `suppressed:${reason}` : d.status);
        yield [...base, d.status, reason, ...nulls(4), at(sendAfter[order[k]!]!), ...nulls(6), created];
        continue;
      }
      const channel = tenant(job.tenantId).preferredChannel;
      const p = Math.min(
        1,
        rate * propensity[job.tenantId - 1]! * (channel === 'sms' ? 0.8 : channel === 'both' ? 1.1 : 1),
      );
      const f = follow(answering, d.sentAt, p, now);
      const status = f.answeredAt !== null ? 'answered' : f.expired ? 'expired' : 'sent';
      count(status);
      const locale = f.openedAt === null ? null : answering.chance(0.03) ? 'en' : 'nl';
      const { nonce, hash } = tokens.issue(id, status === 'sent', job.teamId);
      if (f.answeredAt !== null) responses.answered(id, order[k]!, f.answeredAt, locale ?? 'nl');
      yield [
        ...base,
        status,
        null,
        channel,
        versions[job.journey],
        hash,
        nonce,
        at(sendAfter[order[k]!]!),
        at(d.sentAt),
        at(f.remindedAt),
        at(f.expiresAt),
        at(f.openedAt),
        at(f.answeredAt),
        locale,
        created,
      ];
    }
    tryLinks.splice(0, tryLinks.length, ...tokens.tryLinks);
  }

  return {
    /** the survey tables in loading order; iterate them after the jobs have streamed past */
    tables(options: SurveyTableOptions = {}): DemoTable[] {
      return [
        {
          table: 'invitations',
          columns: invitationColumns,
          rows: { [Symbol.iterator]: () => invitationRows(options) },
        },
        ...responses.tables(options.questionnaireVersionIds ?? { repair: 1, planned: 2, vacancy: 3 }),
      ];
    },
    tryLinks,
    /** invitations by status (and suppression reason), filled while the invitations are produced */
    counts,
  };
}
export type DemoSurveys = ReturnType<typeof generateSurveys>;
