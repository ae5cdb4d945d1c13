import type { TFigure } from '@contracts';

/**
 * How a figure (TFigure) is said, in one place, so every tile, table cell and chart says the same
 * thing the same way: its value, n, the 95 % interval, "te weinig reacties" below the minimum n,
 * a change only as significant or not, and how far the target is. nl-NL number formats in either
 * language, as everywhere in the app (lib/format.ts).
 */
export type FigureKind = TFigure['kind'];
/** whether a higher value is better (grade, 8+, NPS) or a lower one (% ontevreden) */
export type Better = 'higher' | 'lower';
export type ChangeKey = 'previous' | 'lastYear';
/** a change to show and what it is against ("vorig jaar") */
export interface ChangeAgainst {
  key: ChangeKey;
  label: string;
}

export interface FigureWords {
  n: (n: string) => string;
  tooFew: (n: string) => string;
  interval: (low: string, high: string) => string;
  /** between an interval's ends in a table cell when one is negative: "−1 tot +5" */
  to: string;
  /** the unit of a difference: "procentpunt" for shares, "punten" for NPS */
  unit: Record<FigureKind, string>;
  higher: (difference: string, against: string, was: string) => string;
  lower: (difference: string, against: string, was: string) => string;
  noSignificantChange: (against: string) => string;
  /** the same without what it is against, in a table whose page says it */
  noSignificantChangeShort: string;
  toTarget: (gap: string, target: string) => string;
  overMaximum: (gap: string, target: string) => string;
  targetMet: (target: string) => string;
  target: (target: string) => string;
}

const MINUS = '\u2212';
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOneDecimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('nl-NL');

/** −3,2 with a real minus sign; a value that rounds to zero has none */
function withSign(text: string, value: number, plus: boolean): string {
  if (/^[0,.]+$/.test(text.replace('-', ''))) return text.replace('-', '');
  if (value < 0) return `${MINUS}${text.replace('-', '')}`;
  return plus ? `+${text}` : text;
}

/** 61,5 % · 7,4 · +2 (NPS always with its sign) */
export function formatValue(kind: FigureKind, value: number): string {
  if (kind === 'share') return `${withSign(oneDecimal.format(value * 100), value, false)} %`;
  if (kind === 'mean') return withSign(oneDecimal.format(value), value, false);
  return withSign(whole.format(value), value, true);
}

/** a target as set: 65 % · 7,5 · +10 (no decimals it does not have) */
export function formatTarget(kind: FigureKind, value: number): string {
  if (kind === 'share') return `${upToOneDecimal.format(value * 100)} %`;
  if (kind === 'mean') return upToOneDecimal.format(value);
  return withSign(whole.format(value), value, true);
}

/** the size of a difference, without its sign: 3,2 procentpunt · 0,4 · 12 punten */
function formatAmount(kind: FigureKind, amount: number, words: FigureWords): string {
  const size = Math.abs(amount);
  const text =
    kind === 'share'
      ? oneDecimal.format(size * 100)
      : kind === 'mean'
        ? oneDecimal.format(size)
        : whole.format(size);
  return words.unit[kind] ? `${text} ${words.unit[kind]}` : text;
}

export const formatCount = (n: number) => count.format(n);

/** 59,7–63,2 in a table cell; with a negative end "−1 tot +5" reads better than two dashes */
export function shortInterval(figure: TFigure, words: FigureWords): string | null {
  if (figure.hidden || figure.low === null || figure.high === null) return null;
  const unit = figure.kind === 'share' ? ' %' : '';
  const low = formatValue(figure.kind, figure.low).replace(' %', '');
  const high = formatValue(figure.kind, figure.high).replace(' %', '');
  const dash = figure.low < 0 || figure.kind === 'nps' ? ` ${words.to} ` : '–';
  return `${low}${dash}${high}${unit}`;
}

export interface DescribedChange {
  key: ChangeKey;
  significant: boolean;
  direction: 'up' | 'down';
  /** better or worse, for a significant change */
  good: boolean;
  text: string;
  /** for a table cell: "+4,2 procentpunt", "geen significante verandering" */
  short: string;
}

export interface DescribedFigure {
  hidden: boolean;
  /** the value as shown, or the count and "te weinig reacties" below the minimum n */
  value: string;
  n: string;
  interval: string | null;
  shortInterval: string | null;
  changes: DescribedChange[];
  target: { text: string; met: boolean | null } | null;
}

export function describeFigure(
  figure: TFigure,
  words: FigureWords,
  options: { better?: Better; changes?: ChangeAgainst[] } = {},
): DescribedFigure {
  const better = options.better ?? 'higher';
  const n = formatCount(figure.n);
  const hidden = figure.hidden || figure.value === null;
  const interval =
    hidden || figure.low === null || figure.high === null
      ? null
      : words.interval(formatValue(figure.kind, figure.low), formatValue(figure.kind, figure.high));
  const changes: DescribedChange[] = [];
  const compared: { value: number; n: number }[] = [];
  for (const against of hidden ? [] : (options.changes ?? [])) {
    const change = figure[against.key];
    // a year's period before is last year: said once
    if (!change || compared.some((c) => c.value === change.value && c.n === change.n)) continue;
    compared.push(change);
    const direction = change.difference >= 0 ? 'up' : 'down';
    const text = !change.significant
      ? words.noSignificantChange(against.label)
      : (direction === 'up' ? words.higher : words.lower)(
          formatAmount(figure.kind, change.difference, words),
          against.label,
          formatValue(figure.kind, change.value),
        );
    const amount = formatAmount(figure.kind, change.difference, words);
    changes.push({
      key: against.key,
      significant: change.significant,
      direction,
      good: (direction === 'up') === (better === 'higher'),
      text,
      short: change.significant
        ? `${direction === 'up' ? '+' : MINUS}${amount}`
        : words.noSignificantChangeShort,
    });
  }
  const target = figure.target
    ? {
        met: hidden ? null : figure.target.met,
        text: targetText(figure, words, better, hidden),
      }
    : null;
  return {
    hidden,
    value: hidden ? words.tooFew(n) : formatValue(figure.kind, figure.value as number),
    n: words.n(n),
    interval,
    shortInterval: hidden ? null : shortInterval(figure, words),
    changes,
    target,
  };
}

function targetText(figure: TFigure, words: FigureWords, better: Better, hidden: boolean): string {
  const target = figure.target!;
  const shown = formatTarget(figure.kind, target.value);
  if (hidden || target.gap === null || target.met === null) return words.target(shown);
  if (target.met) return words.targetMet(shown);
  const gap = formatAmount(figure.kind, target.gap, words);
  return better === 'higher' ? words.toTarget(gap, shown) : words.overMaximum(gap, shown);
}
