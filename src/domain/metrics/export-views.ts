import { businessDate } from '../business-time/business-time';
import { listResponses } from '../responses/list-responses';
import type { ResponseDetail } from '../responses/response-details';
import type { metricsBreakdown } from './breakdown';
import type { Cell, ExportTable } from './export-table';
import type { Figure } from './figures';
import type { MetricRequest } from './metric-request';

/** at most this many reactions in one export (the list's own bound on paging is 10,000) */
export const MAX_EXPORTED_REACTIONS = 50_000;

const percent = (f: Figure): Cell => (f.value === null ? null : Math.round(f.value * 1000) / 10);
const rounded = (f: Figure, digits = 1): Cell => (f.value === null ? null : Number(f.value.toFixed(digits)));
const bound = (v: number | null, scale = 1): Cell => (v === null ? null : Number((v * scale).toFixed(1)));
const titleOf = (what: string, req: MetricRequest) =>
  `achtplus ${what}, ${req.period.from} t/m ${req.period.to}${
    Object.keys(req.filters).length
      ? `, ${Object.entries(req.filters)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}`
      : ''
  }; scores onder ${req.minimumN} reacties verborgen; gemaakt ${businessDate()}`;

const dimensionNames: Record<string, string> = {
  journey: 'klantreis',
  department: 'afdeling',
  team: 'team',
  technician: 'vakman',
  contractor: 'comaker',
  trade: 'vakgebied',
  complex: 'complex',
  city: 'plaats',
};
const journeyNames: Record<string, string> = {
  repair: 'reparatie',
  planned: 'planmatig onderhoud',
  vacancy: 'mutatieonderhoud',
};
const funnelWords = { below: 'onder', within: 'binnen', above: 'boven' } as const;

/** The breakdown table as exported: every row with n, scores and intervals (hidden below min-n), change, funnel. */
export function breakdownTable(
  req: MetricRequest,
  b: Awaited<ReturnType<typeof metricsBreakdown>>,
): ExportTable {
  return {
    title: titleOf(`uitsplitsing per ${dimensionNames[b.by] ?? b.by}`, req),
    sheet: `Per ${dimensionNames[b.by] ?? b.by}`,
    columns: [
      dimensionNames[b.by] ?? b.by,
      'reacties',
      'rapportcijfer',
      'rapportcijfer 95% van',
      'rapportcijfer 95% tot',
      '% 8+',
      '% 8+ 95% van',
      '% 8+ 95% tot',
      '% ontevreden (≤5)',
      'NPS',
      'NPS 95% van',
      'NPS 95% tot',
      '% 8+ verandering t.o.v. vorige periode (procentpunt)',
      'verandering significant',
      'funnel 95%',
      'funnel 99,9%',
    ],
    rows: b.rows.map((r) => {
      const f = r.figures;
      const change = f.eightPlus.previous;
      return [
        (b.by === 'journey' ? journeyNames[r.label] : null) ?? (r.label || '(geen)'),
        r.responses,
        rounded(f.grade, 2),
        bound(f.grade.low),
        bound(f.grade.high),
        percent(f.eightPlus),
        bound(f.eightPlus.low, 100),
        bound(f.eightPlus.high, 100),
        percent(f.dissatisfied),
        rounded(f.nps, 0),
        bound(f.nps.low),
        bound(f.nps.high),
        change ? Number((change.difference * 100).toFixed(1)) : null,
        change ? (change.significant ? 'ja' : 'nee') : null,
        funnelAt(r.funnel, 0.95),
        funnelAt(r.funnel, 0.999),
      ];
    }),
  };
}

function funnelAt(funnel: Array<{ level: number; position: keyof typeof funnelWords }>, level: number) {
  const flag = funnel.find((x) => x.level === level);
  return flag ? funnelWords[flag.position] : null;
}

const comment = (r: ResponseDetail) =>
  r.answers
    .filter((a) => a.questionType === 'comment' && a.textValue?.trim())
    .map((a) => a.textValue!.trim())
    .join(' | ');

/**
 * The reactions of the scope and period, newest first, with what the reactions list shows the
 * actor (a tenant's name only where the tenant consented and the actor may see it — never to a
 * contractor), their comments as text.
 */
export async function reactionsTable(req: MetricRequest): Promise<ExportTable> {
  const rows: Cell[][] = [];
  const pageSize = 1000;
  for (let page = 1; rows.length < MAX_EXPORTED_REACTIONS; page++) {
    const { rows: batch } = await listResponses({
      db: req.db,
      actor: req.actor,
      page,
      pageSize,
      ...req.filters,
      from: req.period.from,
      to: req.period.to,
    });
    for (const r of batch)
      rows.push([
        businessDate(r.submittedAt),
        journeyNames[r.journey] ?? r.journey,
        r.team?.name ?? null,
        r.technician?.name ?? null,
        r.contractor?.name ?? null,
        r.trade,
        r.grade,
        r.nps,
        comment(r) || null,
        r.consent && r.tenantName !== null ? r.tenantName : null,
      ]);
    if (batch.length < pageSize) break;
  }
  return {
    title: titleOf('reacties', req),
    sheet: 'Reacties',
    columns: [
      'datum',
      'klantreis',
      'team',
      'vakman',
      'comaker',
      'vakgebied',
      'rapportcijfer',
      'NPS',
      'toelichting',
      'huurder (met toestemming)',
    ],
    rows: rows.slice(0, MAX_EXPORTED_REACTIONS),
  };
}
