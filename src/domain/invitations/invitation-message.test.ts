import { describe, expect, it } from 'vitest';
import { invitationMessage } from './invitation-message';
import { redactSurveyLinks } from './survey-links';

const base = {
  organisation: {
    name: 'Woonstichting Voorbeeld',
    logoUrl: 'https://voorbeeld.nl/logo.png',
    primaryColor: '#aa3300',
    senderName: 'Klantcontact Voorbeeld',
  },
  tenantName: 'Mevrouw De Vries',
  journey: 'repair' as const,
  completedAt: new Date('2024-03-04T10:00:00Z'),
  surveyUrl: 'https://feedback.voorbeeld.nl/s/abcdefghijklmnopqrstuvwxyzABCDEF',
  unsubscribeUrl: 'https://feedback.voorbeeld.nl/s/abcdefghijklmnopqrstuvwxyzABCDEF/unsubscribe',
  expiresAt: new Date('2024-03-18T11:00:00Z'),
  reminder: false,
};

describe('invitationMessage', () => {
  it('is Dutch with an English line, branded, with link, expiry date and unsubscribe link', () => {
    const m = invitationMessage(base);
    expect(m.subject).toBe('Hoe was de reparatie? Geef ons een cijfer');
    expect(m.text).toContain('Beste Mevrouw De Vries,');
    expect(m.text).toContain('afgerond op 4 maart 2024');
    expect(m.text).toContain('De link werkt tot 18 maart 2024.');
    expect(m.text).toContain(`Geef uw cijfer: ${base.surveyUrl}`);
    expect(m.text).toContain(`Meld u af: ${base.unsubscribeUrl}`);
    expect(m.text).toMatch(/English: .*survey/);
    expect(m.html).toContain(`<a href="${base.surveyUrl}"`);
    expect(m.html).toContain('background:#aa3300');
    expect(m.html).toContain('<img src="https://voorbeeld.nl/logo.png" alt="Woonstichting Voorbeeld"');
    expect(m.html).toContain(`href="${base.unsubscribeUrl}"`);
    expect(m.html).toContain('lang="en"');
    expect(m.sms).toBe(
      `Woonstichting Voorbeeld: hoe was de reparatie? Geef een cijfer via ${base.surveyUrl} (werkt tot 18-3).`,
    );
  });

  it('says "herinnering" in the reminder, and names the journey', () => {
    const m = invitationMessage({ ...base, reminder: true, journey: 'planned' });
    expect(m.subject).toBe('Herinnering: hoe was het onderhoud aan uw woning?');
    expect(m.sms).toMatch(/herinnering/);
  });

  it('escapes the organisation’s and the tenant’s names; a bad colour or logo never reaches the markup', () => {
    const m = invitationMessage({
      ...base,
      organisation: {
        name: '<script>alert("org")</script> & Co',
        logoUrl: 'javascript:alert(1)',
        primaryColor: 'red;background:url(https://evil)',
        senderName: '<b>Afzender</b>',
      },
      tenantName: 'Jan <img src=x onerror=alert(1)> "Piet"',
    });
    expect(m.html).not.toContain('<script>');
    expect(m.html).not.toContain('<img src=x');
    expect(m.html).not.toContain('<b>Afzender</b>');
    expect(m.html).not.toContain('javascript:');
    expect(m.html).not.toContain('evil');
    expect(m.html).toContain('&lt;script&gt;alert(&quot;org&quot;)&lt;/script&gt; &amp; Co');
    expect(m.html).toContain('Beste Jan &lt;img src=x onerror=alert(1)&gt; &quot;Piet&quot;,');
    expect(m.html).toContain('&lt;b&gt;Afzender&lt;/b&gt;');
    // the text version is text: names as typed
    expect(m.text).toContain('Beste Jan <img src=x onerror=alert(1)> "Piet",');
  });
});

describe('redactSurveyLinks', () => {
  it('hides the token in links and unsubscribe links, in text and attributes', () => {
    const body = `${base.surveyUrl} en <a href="${base.unsubscribeUrl}">afmelden</a>`;
    const redacted = redactSurveyLinks(body);
    expect(redacted).toBe(
      'https://feedback.voorbeeld.nl/s/… en <a href="https://feedback.voorbeeld.nl/s/…/unsubscribe">afmelden</a>',
    );
    expect(redactSurveyLinks(null)).toBeNull();
    expect(redactSurveyLinks('see /s/short and /settings')).toBe('see /s/short and /settings');
  });
});
