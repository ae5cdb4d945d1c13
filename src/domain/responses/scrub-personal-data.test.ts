import { describe, expect, it } from 'vitest';
import { scrubPersonalData } from './scrub-personal-data';

describe('scrubPersonalData', () => {
  const known = {
    name: 'J. van der Berg',
    email: 'j.berg@example.nl',
    mobile: '06-12345678',
    street: 'Dorpsstraat',
  };

  it('removes the name (whole and surname), e-mail, phone and street, keeping the rest', () => {
    expect(
      scrubPersonalData(
        'Mevrouw Berg (J. van der Berg) aan de dorpsstraat 12: bel 06 1234 5678 of mail j.berg@example.nl. Keurig!',
        known,
      ),
    ).toBe('Mevrouw [naam] ([naam]) aan de [straat] 12: bel [telefoon] of mail [e-mail]. Keurig!');
  });

  it('keeps particles and words that merely contain a name part', () => {
    expect(scrubPersonalData('De vakman van de Bergen kwam op tijd', known)).toBe(
      'De vakman van de Bergen kwam op tijd',
    );
  });

  it('removes any e-mail address and long number, also without knowing the tenant', () => {
    expect(scrubPersonalData('Mail naar a.b@c.nl of +31 6 1234 5678; om 10 uur, 3 keer, 2024', {})).toBe(
      'Mail naar [e-mail] of [telefoon]; om 10 uur, 3 keer, 2024',
    );
  });

  it('handles letters outside ASCII as letters and regex characters in names as text', () => {
    expect(scrubPersonalData('Zoë Çelik (zoë) was blij', { name: 'Zoë Çelik' })).toBe(
      '[naam] ([naam]) was blij',
    );
    expect(scrubPersonalData('a+b (c) kwam', { name: 'a+b (c)' })).toBe('[naam] kwam');
  });

  it('takes hyphenated names and streets as text (a u-regex refuses an escaped hyphen)', () => {
    const out = scrubPersonalData('Mevrouw Jansen-de Vries aan de Vergeet-mij-nietdreef belde', {
      name: 'Jansen-de Vries',
      street: 'Vergeet-mij-nietdreef',
    });
    expect(out).not.toContain('Jansen-de Vries');
    expect(out).not.toContain('Vergeet-mij-nietdreef');
  });

  it('is stable when run again', () => {
    const once = scrubPersonalData('Berg: 0612345678', known);
    expect(scrubPersonalData(once, known)).toBe(once);
  });
});
