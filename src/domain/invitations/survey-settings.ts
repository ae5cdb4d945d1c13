import { z } from 'zod';
import { type Journey, journeys } from '../../db/schema';

/** When invitations of one journey go out; the ranges keep a typo from surveying nobody or everybody twice. */
export const ZSurveySettingsFields = z.object({
  enabled: z.boolean(),
  /** minutes after completion (quiet hours move it on to 08:00) */
  delayMinutes: z.number().int().min(0).max(10_080),
  /** days after sending that the one reminder goes out, if unanswered */
  reminderDays: z.number().int().min(1).max(30),
  /** days the link works */
  expiryDays: z.number().int().min(1).max(90),
  /** a tenant invited within this many days (any journey) is not invited again */
  quarantineDays: z.number().int().min(0).max(365),
});

export const ZSurveySettings = ZSurveySettingsFields.refine((s) => s.reminderDays < s.expiryDays, {
  path: ['reminderDays'],
  message: 'must be less than expiryDays (a reminder after the link expired would be useless)',
});
export type TSurveySettings = z.infer<typeof ZSurveySettings>;

export const ZJourney = z.enum(journeys);

export interface JourneySurveySettings extends TSurveySettings {
  journey: Journey;
}

/** What an install starts with: 2 hours, a reminder after 3 days, 14 days to answer, 30 days' rest. */
export const DEFAULT_SURVEY_SETTINGS: TSurveySettings = {
  enabled: true,
  delayMinutes: 120,
  reminderDays: 3,
  expiryDays: 14,
  quarantineDays: 30,
};
