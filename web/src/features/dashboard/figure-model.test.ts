import type { TFigure } from '@contracts';
import { describe, expect, it } from 'vitest';
import { describeFigure, formatValue, shortInterval } from './figure-model';
import { texts } from './texts';

const words = texts.nl.figure;
const lastYear = [{ key: 'lastYear' as const, label: 'vorig jaar' }];

const figure = (over: Partial<TFigure>): TFigure => ({
  kind: 'share',
  n: 2959,
  value: 0.6147,
  low: 0.5971,
  high: 0.6321,
  hidden: false,
  minimumN: 5,
  previous: null,
  lastYear: null,
  target: null,
  ...over,
});

describe('describeFigure: one way to say a figure on every screen', () => {
  it('says the value, n and the 95 % interval in nl-NL formats', () => {
    const d = describeFigure(figure({}), words);
    expect(d.value).toBe('61,5 %');
    expect(d.n).toBe('n = 2.959');
    expect(d.interval).toBe('95 %-interval 59,7 % tot 63,2 %');
    expect(d.shortInterval).toBe('59,7–63,2 %');
  });

  it('shows the count, not a score, below the minimum n', () => {
    const d = describeFigure(
      figure({
        n: 3,
        value: null,
        low: null,
        high: null,
        hidden: true,
        target: { value: 0.65, gap: null, met: null, level: 'team' },
      }),
      words,
      { changes: lastYear },
    );
    expect(d.hidden).toBe(true);
    expect(d.value).toBe('n = 3, te weinig reacties');
    expect(d.interval).toBeNull();
    expect(d.shortInterval).toBeNull();
    expect(d.changes).toEqual([]);
    expect(d.target).toEqual({ text: 'doel 65 %', met: null });
  });

  it('names a change only when it is significant, with its direction and whether it is better', () => {
    const up = { difference: 0.042, low: 0.01, high: 0.07, significant: true, value: 0.5727, n: 3166 };
    const d = describeFigure(figure({ lastYear: up }), words, { changes: lastYear });
    expect(d.changes).toEqual([
      {
        key: 'lastYear',
        significant: true,
        direction: 'up',
        good: true,
        text: '4,2 procentpunt hoger dan vorig jaar (57,3 %)',
        short: '+4,2 procentpunt',
      },
    ]);
    // more dissatisfied tenants is worse
    const worse = describeFigure(figure({ lastYear: up }), words, { changes: lastYear, better: 'lower' });
    expect(worse.changes[0]?.good).toBe(false);

    // the period before a year is last year: one change, not the same one twice
    const both = describeFigure(figure({ previous: up, lastYear: up }), words, {
      changes: [{ key: 'previous', label: 'vorig jaar' }, ...lastYear],
    });
    expect(both.changes.map((c) => c.key)).toEqual(['previous']);

    const flat = {
      difference: 0.0026,
      low: -0.0218,
      high: 0.027,
      significant: false,
      value: 0.6121,
      n: 3166,
    };
    const same = describeFigure(figure({ lastYear: flat }), words, { changes: lastYear });
    expect(same.changes.map((c) => [c.significant, c.text])).toEqual([
      [false, 'geen significante verandering t.o.v. vorig jaar'],
    ]);
  });

  it('says how far the target is, or that it is met', () => {
    const short = describeFigure(
      figure({ target: { value: 0.65, gap: -0.0353, met: false, level: 'organisation' } }),
      words,
    );
    expect(short.target).toEqual({ text: 'nog 3,5 procentpunt tot 65 %', met: false });
    const met = describeFigure(
      figure({ target: { value: 0.6, gap: 0.0147, met: true, level: 'team' } }),
      words,
    );
    expect(met.target).toEqual({ text: 'doel 60 % gehaald', met: true });
    // a maximum (% ontevreden): above it is not met
    const over = describeFigure(
      figure({ value: 0.1571, target: { value: 0.15, gap: 0.0071, met: false, level: 'department' } }),
      words,
      { better: 'lower' },
    );
    expect(over.target?.text).toBe('0,7 procentpunt boven het doel van ten hoogste 15 %');
  });

  it('formats a grade with one decimal and an NPS as a signed whole number', () => {
    expect(formatValue('mean', 7.4021)).toBe('7,4');
    expect(formatValue('nps', 1.73)).toBe('+2');
    expect(formatValue('nps', -44)).toBe('\u221244');
    expect(formatValue('nps', -0.2)).toBe('0');
    const nps = figure({ kind: 'nps', value: 1.73, low: -1.18, high: 4.64 });
    expect(shortInterval(nps, words)).toBe('\u22121 tot +5');
    expect(shortInterval(nps, texts.en.figure)).toBe('\u22121 to +5');
    const grade = describeFigure(
      figure({
        kind: 'mean',
        value: 7.4,
        low: 7.3,
        high: 7.5,
        target: { value: 7.5, gap: -0.1, met: false, level: 'team' },
        previous: { difference: -0.41, low: -0.7, high: -0.1, significant: true, value: 7.81, n: 300 },
      }),
      words,
      { changes: [{ key: 'previous', label: 'vorige maand' }] },
    );
    expect(grade.target?.text).toBe('nog 0,1 tot 7,5');
    expect(grade.changes[0]?.text).toBe('0,4 lager dan vorige maand (7,8)');
  });
});
