import type { Actor } from './actor';
import { may } from './policy';

/**
 * What the actor may do with one object, sent with it (Outline's per-object policies): the staff app
 * shows only the buttons that will work, and never has to repeat the rules below. Each answer combines
 * the role's ability (policy.ts) with the object's state; the use case checks both again when asked.
 */

export interface TenantFacts {
  selfOptedOutAt: Date | string | null;
  erasedAt: Date | string | null;
}
export function tenantCan(actor: Actor, t: TenantFacts) {
  const manage = may(actor, 'tenant-data.manage');
  return {
    /** everything about the tenant as a download (also after an erasure: what is left) */
    exportData: manage,
    /** an erasure cannot be undone, and a second changes nothing */
    erase: manage && !t.erasedAt,
    /** only a tenant's own opt-out can be undone at their request; the ERP undoes its own */
    optBackIn: manage && !!t.selfOptedOutAt && !t.erasedAt,
  };
}

export interface JobFacts {
  hasTenant: boolean;
  /** the tenant answered this job's survey without consenting to be named */
  answeredAnonymously: boolean;
}
export function jobCan(actor: Actor, j: JobFacts) {
  return {
    /** opening the tenant's contact data is audited; never for an anonymous answer */
    readTenantContact: may(actor, 'tenant-contact.read') && j.hasTenant && !j.answeredAnonymously,
    readSurvey: may(actor, 'invitation.read') || may(actor, 'response.read'),
  };
}

export interface QuestionnaireFacts {
  draftVersion: number | null;
}
export function questionnaireCan(actor: Actor, q: QuestionnaireFacts) {
  const manage = may(actor, 'questionnaire.manage');
  return {
    /** one draft at a time */
    startDraft: manage && q.draftVersion === null,
    editDraft: manage && q.draftVersion !== null,
    publish: manage && q.draftVersion !== null,
  };
}

export interface InvitationFacts {
  /** every message failed and it is not answered (get-job-survey.ts) */
  undeliverable: boolean;
}
export function invitationCan(actor: Actor, i: InvitationFacts) {
  return {
    /** only while it reached nobody; resend-invitation.ts takes it once, however many ask at once */
    resend: may(actor, 'invitation.resend') && i.undeliverable,
  };
}
