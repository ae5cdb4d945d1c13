import type { Journey } from '../../db/schema';
import { html, raw, type SafeHtml } from '../../lib/html';
import { BUSINESS_TIME_ZONE } from '../business-time/business-time';
import type { TOrganisationSettings } from '../organisation/organisation-settings';

export interface InvitationMessageInput {
  organisation: Pick<TOrganisationSettings, 'name' | 'logoUrl' | 'primaryColor' | 'senderName'>;
  tenantName: string;
  journey: Journey;
  completedAt: Date | null;
  surveyUrl: string;
  unsubscribeUrl: string;
  expiresAt: Date;
  reminder: boolean;
}

const what: Record<Journey, { nl: string; en: string }> = {
  repair: { nl: 'de reparatie', en: 'the repair' },
  planned: { nl: 'het onderhoud aan uw woning', en: 'the maintenance work on your home' },
  vacancy: { nl: 'de oplevering van uw woning', en: 'the handover of your home' },
};
const longDate = new Intl.DateTimeFormat('nl-NL', {
  timeZone: BUSINESS_TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDate = new Intl.DateTimeFormat('nl-NL', {
  timeZone: BUSINESS_TIME_ZONE,
  day: 'numeric',
  month: 'numeric',
});
const FALLBACK_COLOUR = '#1c5d99';

/**
 * The survey invitation (and its one reminder) as e-mail and SMS: Dutch with a short English line,
 * the corporation's name, logo and colour, a button to the tenant's link, the date the link stops
 * working and a way to unsubscribe. Every text a person typed (organisation, tenant) is escaped.
 */
export function invitationMessage(input: InvitationMessageInput) {
  const { organisation: org, journey, reminder } = input;
  const noun = what[journey];
  const expires = longDate.format(input.expiresAt);
  const done = input.completedAt ? ` (afgerond op ${longDate.format(input.completedAt)})` : '';
  const subject = reminder ? `Herinnering: hoe was ${noun.nl}?` : `Hoe was ${noun.nl}? Geef ons een cijfer`;
  const intro = reminder
    ? `Een paar dagen geleden vroegen we u hoe ${noun.nl}${done} is gegaan. We hebben uw antwoord nog niet ontvangen; heeft u twee minuten?`
    : `Onlangs hebben we ${noun.nl} bij u uitgevoerd${done}. We horen graag hoe het ging: dat kost u minder dan twee minuten.`;
  const english = `English: please tell us how ${noun.en} went; the survey is also available in English.`;
  const text = [
    `Beste ${input.tenantName},`,
    '',
    intro,
    '',
    `Geef uw cijfer: ${input.surveyUrl}`,
    `De link werkt tot ${expires}.`,
    '',
    'Met vriendelijke groet,',
    org.senderName,
    '',
    `${english} ${input.surveyUrl}`,
    '',
    `Wilt u geen vragenlijsten meer ontvangen? Meld u af: ${input.unsubscribeUrl}`,
  ].join('\n');
  const sms = reminder
    ? `${org.name}: herinnering. Hoe was ${noun.nl}? Geef een cijfer via ${input.surveyUrl} (werkt tot ${shortDate.format(input.expiresAt)}).`
    : `${org.name}: hoe was ${noun.nl}? Geef een cijfer via ${input.surveyUrl} (werkt tot ${shortDate.format(input.expiresAt)}).`;
  return {
    subject,
    text,
    html: emailHtml({ ...input, subject, intro, english, expires }).value,
    sms,
  };
}

function emailHtml(
  m: InvitationMessageInput & { subject: string; intro: string; english: string; expires: string },
): SafeHtml {
  const org = m.organisation;
  const colour = /^#[0-9a-fA-F]{6}$/.test(org.primaryColor) ? org.primaryColor : FALLBACK_COLOUR;
  const logo =
    org.logoUrl && /^https?:\/\//.test(org.logoUrl)
      ? html`<img src="${org.logoUrl}" alt="${org.name}" height="48" style="display:block;max-height:48px;border:0">`
      : html`<strong style="font-size:18px">${org.name}</strong>`;
  const small = raw('style="font-size:13px;line-height:1.5;color:#555555"');
  return html`<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${m.subject}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#1f2328">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;border-top:6px solid ${colour}">
<tr><td style="padding:24px 24px 8px">${logo}</td></tr>
<tr><td style="padding:8px 24px 24px;font-size:16px;line-height:1.5">
<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">${m.subject}</h1>
<p style="margin:0 0 16px">Beste ${m.tenantName},</p>
<p style="margin:0 0 24px">${m.intro}</p>
<p style="margin:0 0 24px"><a href="${m.surveyUrl}" style="display:inline-block;background:${colour};color:#ffffff;text-decoration:none;font-weight:bold;padding:14px 24px;border-radius:6px">Geef uw cijfer</a></p>
<p ${small}>Werkt de knop niet? Open deze link: <a href="${m.surveyUrl}" style="color:${colour}">${m.surveyUrl}</a><br>De link werkt tot ${m.expires}.</p>
<p style="margin:16px 0">Met vriendelijke groet,<br>${org.senderName}</p>
<p lang="en" ${small}>${m.english} <a href="${m.surveyUrl}" style="color:${colour}">Open the survey</a>.</p>
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e5e7eb"><p ${small}>Wilt u geen vragenlijsten meer van ${org.name} ontvangen? <a href="${m.unsubscribeUrl}" style="color:${colour}">Afmelden</a>.</p></td></tr>
</table></td></tr></table>
</body></html>`;
}
