import type { z } from 'zod';
import type { dryRunImport } from '../domain/imports/dry-run-import';
import type { getImportRun, listImportRuns } from '../domain/imports/get-import-run';
import type { ImportProblem } from '../domain/imports/validate-table';
import type { ZJourney, ZSurveySettingsFields } from '../domain/invitations/survey-settings';
import type { ZOrganisationSettings } from '../domain/organisation/organisation-settings';
import type { ZContractorDetail, ZContractorItem } from '../http/presenters/contractor';
import type { ZEmployeeDetail, ZEmployeeItem } from '../http/presenters/employee';
import type { ZJobDetail, ZJobItem } from '../http/presenters/job';
import type { ZRef } from '../http/presenters/page';
import type { ZQuestionnaireItem, ZQuestionnaireVersion } from '../http/presenters/questionnaire';
import type { ZAnswer, ZJobSurvey, ZResponseItem, ZSurveyMessage } from '../http/presenters/response';
import type { ZTeamDetail, ZTeamItem } from '../http/presenters/team';
import type { ZTenantContact, ZTenantItem } from '../http/presenters/tenant';
import type { ZUnitDetail, ZUnitItem } from '../http/presenters/unit';
import type { ZUser } from '../http/routes/admin-users';
import type { ZApiKey } from '../http/routes/api-keys';
import type { ZAuditEntry } from '../http/routes/audit-log';
import type { ZMe } from '../http/routes/me';
import type { ZOutboxMessage } from '../http/routes/outbox';
import type { ZLoginInfo } from '../http/routes/public';

/**
 * What the API answers, as types the staff app reads. The zod schemas in src/http/presenters/ (and
 * a few routes) are the one truth — they validate every answer and make the OpenAPI document —
 * and these are their inferred types. Type-only imports: nothing of the server (nor zod) reaches
 * the web bundle. A renamed field fails `npx tsc --noEmit` in every page that reads it.
 */

/** A page of a list endpoint (`zPage(item)` in src/http/presenters/page.ts). */
export interface TPage<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export type TRef = z.infer<typeof ZRef>;
export type TMe = z.infer<typeof ZMe>;
export type TUser = z.infer<typeof ZUser>;

export type TJobItem = z.infer<typeof ZJobItem>;
export type TJobDetail = z.infer<typeof ZJobDetail>;
export type TJobUnit = NonNullable<TJobItem['unit']>;
export type TTenantContact = z.infer<typeof ZTenantContact>;
export type TTenantItem = z.infer<typeof ZTenantItem>;

export type TTeamItem = z.infer<typeof ZTeamItem>;
export type TTeamDetail = z.infer<typeof ZTeamDetail>;
export type TEmployeeItem = z.infer<typeof ZEmployeeItem>;
export type TEmployeeDetail = z.infer<typeof ZEmployeeDetail>;
export type TContractorItem = z.infer<typeof ZContractorItem>;
export type TContractorDetail = z.infer<typeof ZContractorDetail>;
export type TUnitItem = z.infer<typeof ZUnitItem>;
export type TUnitDetail = z.infer<typeof ZUnitDetail>;

export type TQuestionnaireItem = z.infer<typeof ZQuestionnaireItem>;
export type TQuestionnaireVersion = z.infer<typeof ZQuestionnaireVersion>;
export type TJourneySurveySettings = z.infer<typeof ZSurveySettingsFields> & {
  journey: z.infer<typeof ZJourney>;
};

export type TOrganisationSettings = z.infer<typeof ZOrganisationSettings>;

/** A use case's answer as JSON carries it, where a route sends it as it is: dates become ISO strings. */
type AsJson<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

// The import routes send what their use cases return (no presenter schema yet), so these are inferred
// from those functions' types.
/** A problem in an imported file: line 1 is the header; no column (nor line) when it is the whole file. */
export type TImportProblem = ImportProblem;
/** POST /imports with dryRun=true: the file's columns, the mapping used, every problem, a preview. */
export type TImportDryRun = Awaited<ReturnType<typeof dryRunImport>>;
/** An item of GET /imports (newest first, problems left out). */
export type TImportRunItem = AsJson<Awaited<ReturnType<typeof listImportRuns>>[number]>;
/** GET /imports/:id: an import's status, progress, counts and problems. */
export type TImportRun = Omit<AsJson<NonNullable<Awaited<ReturnType<typeof getImportRun>>>>, 'problems'> & {
  problems: TImportProblem[];
};

export type TApiKey = z.infer<typeof ZApiKey>;
export type TAuditEntry = z.infer<typeof ZAuditEntry>;
export type TOutboxMessage = z.infer<typeof ZOutboxMessage>;
export type TLoginInfo = z.infer<typeof ZLoginInfo>;

export type TAnswer = z.infer<typeof ZAnswer>;
export type TResponseItem = z.infer<typeof ZResponseItem>;
export type TSurveyMessage = z.infer<typeof ZSurveyMessage>;
export type TJobSurvey = z.infer<typeof ZJobSurvey>;
/** A job's invitation with its messages, as the job's survey panel shows it. */
export type TInvitation = NonNullable<TJobSurvey['invitation']>;

/**
 * A 400's field problems (docs/API.md, Conventions): `field` is the path from the request part,
 * e.g. `body.reason` or `querystring.page`.
 */
export interface TFieldIssue {
  field: string;
  message: string;
}
export interface TErrorBody {
  error: string;
  message: string;
  issues?: TFieldIssue[];
}

export type {
  TCondition,
  TQuestion,
  TQuestionnaireDefinition,
} from '../domain/questionnaires/questionnaire-definition';
