import type { Ref } from '../../lib/queries';

/** What GET /responses and GET /jobs/:id/survey return (src/http/presenters/response.ts). */
export interface LocalisedText {
  nl: string;
  en: string;
}

export interface Answer {
  questionKey: string;
  questionType: string;
  numericValue: number | null;
  textValue: string | null;
  choiceValues: string[] | null;
  phase: string | null;
  technicianInfluenceable: boolean | null;
  questionText: LocalisedText | null;
  choiceLabels: LocalisedText[] | null;
}

export interface SurveyResponse {
  id: number;
  submittedAt: string;
  journey: string;
  job: { id: number; externalId: string } | null;
  team: Ref | null;
  technician: Ref | null;
  contractor: Ref | null;
  trade: string | null;
  grade: number | null;
  nps: number | null;
  consent: boolean;
  questionnaire: { id: number | null; version: number | null };
  answers: Answer[];
  /** only with consent, and only for staff who may see tenant contact data */
  tenant?: { name: string };
}

export interface SurveyMessage {
  id: number;
  channel: 'email' | 'sms';
  kind: string;
  status: 'not_sent' | 'queued' | 'sent' | 'failed';
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

export interface Invitation {
  id: number;
  status: 'scheduled' | 'suppressed' | 'sent' | 'answered' | 'expired';
  suppressionReason: string | null;
  channel: string | null;
  sendAfter: string;
  sentAt: string | null;
  remindedAt: string | null;
  expiresAt: string | null;
  expired: boolean;
  openedAt: string | null;
  answeredAt: string | null;
  /** every message failed: it reached nobody and blocks no other invitation of the tenant */
  undeliverable: boolean;
  undeliverableAt: string | null;
  resentAt: string | null;
  /** what the reader may do with it: resend = POST /jobs/:id/survey/resend will be accepted */
  can: { resend: boolean };
  messages: SurveyMessage[];
}

/** Parts the reader may not see are absent; parts that do not exist yet are null. */
export interface JobSurvey {
  invitation?: Invitation | null;
  response?: SurveyResponse | null;
}

/** The written comments of a response (the open questions), in questionnaire order. */
export const commentsOf = (r: SurveyResponse) =>
  r.answers.filter((a) => a.questionType === 'comment' && a.textValue?.trim());
