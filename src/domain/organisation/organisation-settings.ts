import { z } from 'zod';

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb');

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
};

/** The corporation's settings as the admin page edits them. */
export const ZOrganisationSettings = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  logoUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), 'must be an http(s) URL')
    .nullable(),
  primaryColor: hexColour,
  accentColor: hexColour,
  senderName: z.string().trim().min(1, 'is required').max(200),
  senderEmail: z.email('must be an e-mail address'),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Amsterdam'),
});
export type TOrganisationSettings = z.infer<typeof ZOrganisationSettings>;

/** What an install shows before anyone filled in the settings. */
export const DEFAULT_ORGANISATION: TOrganisationSettings = {
  name: 'achtplus',
  logoUrl: null,
  primaryColor: '#1c5d99',
  accentColor: '#f28c28',
  senderName: 'achtplus',
  senderEmail: 'noreply@achtplus.invalid',
  timeZone: 'Europe/Amsterdam',
};
