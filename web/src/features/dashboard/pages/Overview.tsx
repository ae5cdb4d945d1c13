import { phases, type TOverview } from '@contracts';
import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { QueryState } from '../../../components/QueryState';
import { useI18n } from '../../../lib/i18n';
import { useOverview } from '../api';
import { DashboardFrame } from '../components/DashboardFrame';
import { ExportButtons } from '../components/ExportButtons';
import { Figure } from '../components/Figure';
import { FigureTile } from '../components/FigureTile';
import { LatestReactions } from '../components/LatestReactions';
import { formatCount } from '../figure-model';
import { ALL_JOURNEYS, responsesSearch } from '../filters';
import { useTexts } from '../texts';
import { type Dashboard, useDashboard } from '../use-dashboard';

/** the sector's line for repairs: more than 15 % dissatisfied means the basic process is not in order */
const BASIC_PROCESS_LIMIT = 0.15;

function ResponseRateExtra({ overview }: { overview: TOverview }) {
  const x = useTexts();
  const i = overview.invitations;
  const suppressed = Object.entries(i.suppressed).filter(([, n]) => n > 0);
  const notSent = suppressed.reduce((sum, [, n]) => sum + n, 0);
  return (
    <Stack gap={2}>
      <Text size="sm">{x.answeredOfDelivered(formatCount(i.answered), formatCount(i.delivered))}</Text>
      <Text size="xs" c="dimmed">
        {[
          `${formatCount(i.due)} ${x.fate.due}`,
          i.expired && `${formatCount(i.expired)} ${x.fate.expired}`,
          i.open && `${formatCount(i.open)} ${x.fate.open}`,
          i.scheduled && `${formatCount(i.scheduled)} ${x.fate.scheduled}`,
          i.undeliverable && `${formatCount(i.undeliverable)} ${x.fate.undeliverable}`,
          notSent &&
            `${formatCount(notSent)} ${x.fate.suppressed} (${suppressed
              .map(([reason, n]) => `${x.suppressed[reason] ?? reason} ${formatCount(n)}`)
              .join(', ')})`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

function Phases({ overview }: { overview: TOverview }) {
  const x = useTexts();
  const byPhase = new Map(overview.phases.map((p) => [p.phase, p.figure]));
  const weakest = overview.weakestPhase?.phase;
  const shown = [
    ...phases.filter((p) => byPhase.has(p)),
    ...[...byPhase.keys()].filter((p) => !(phases as readonly string[]).includes(p)),
  ];
  if (shown.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        {x.phasesTitle}
      </Title>
      <Table verticalSpacing={6}>
        <caption className="visually-hidden">{x.phaseHint}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{x.phase}</Table.Th>
            <Table.Th scope="col">{x.metric.grade}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((phase) => (
            <Table.Tr key={phase} bg={phase === weakest ? 'orange.0' : undefined}>
              <Table.Th scope="row" fw={phase === weakest ? 700 : 500}>
                <Group gap={6}>
                  {x.phases[phase] ?? phase}
                  {phase === weakest && (
                    <Badge color="orange" size="sm" variant="light">
                      {x.weakest}
                    </Badge>
                  )}
                </Group>
              </Table.Th>
              <Table.Td>
                <Figure figure={byPhase.get(phase)!} size="value" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** the reader's figures beside their team's, department's and the corporation's totals */
function Comparisons({ overview, selection }: { overview: TOverview; selection: string }) {
  const x = useTexts();
  if (overview.comparisons.length === 0) return null;
  const rows = [
    { key: 'selection', name: selection, figures: overview.figures },
    ...overview.comparisons.map((c) => ({
      key: `${c.level}-${c.id}`,
      name: c.level === 'organisation' ? x.organisation : `${x.level[c.level]} ${c.name}`,
      figures: c.figures,
    })),
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4">
        {x.comparisons}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {x.comparisonsHint}
      </Text>
      <Table.ScrollContainer minWidth={420} type="native">
        <Table verticalSpacing={6}>
          <caption className="visually-hidden">{x.comparisons}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{x.name}</Table.Th>
              <Table.Th scope="col">{x.metric.grade}</Table.Th>
              <Table.Th scope="col">{x.metric.eightPlus}</Table.Th>
              <Table.Th scope="col">{x.metric.nps}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" fw={r.key === 'selection' ? 700 : 500}>
                  {r.name}
                </Table.Th>
                <Table.Td>
                  <Figure figure={r.figures.grade} size="value" />
                </Table.Td>
                <Table.Td>
                  <Figure figure={r.figures.eightPlus} size="value" />
                </Table.Td>
                <Table.Td>
                  <Figure figure={r.figures.nps} size="value" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function OverviewFigures({ overview, dashboard }: { overview: TOverview; dashboard: Dashboard }) {
  const x = useTexts();
  const { tv } = useI18n();
  const f = overview.figures;
  const journey = dashboard.values.journey;
  const basicProcess =
    journey === 'repair' && !f.dissatisfied.hidden && (f.dissatisfied.value ?? 0) > BASIC_PROCESS_LIMIT;
  const weakest = overview.weakestPhase;
  const selection = dashboard.perspective === 'technician' ? x.myResults : x.selection;
  return (
    <Stack gap="md">
      <Text c="dimmed">
        {[
          journey === ALL_JOURNEYS ? x.allJourneys : tv('journey', journey),
          x.responses(formatCount(overview.responses)),
        ].join(' · ')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <FigureTile label={x.metric.grade} figure={f.grade} />
        <FigureTile label={x.metric.eightPlus} figure={f.eightPlus} />
        <FigureTile
          label={x.metric.dissatisfied}
          figure={f.dissatisfied}
          better="lower"
          flagged={basicProcess}
          extra={
            basicProcess && (
              <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={18} aria-hidden />}>
                <Text size="sm" fw={600}>
                  {x.basicProcess}
                </Text>
              </Alert>
            )
          }
        />
        <FigureTile label={x.metric.nps} figure={f.nps} />
        <FigureTile
          label={x.responseRate}
          figure={overview.responseRate}
          extra={<ResponseRateExtra overview={overview} />}
        />
        {weakest && (
          <FigureTile
            label={`${x.weakestPhase}: ${x.phases[weakest.phase] ?? weakest.phase}`}
            figure={weakest.figure}
          />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Phases overview={overview} />
        <Comparisons overview={overview} selection={selection} />
      </SimpleGrid>
      <LatestReactions
        reactions={overview.latest}
        allHref={`/responses?${responsesSearch(dashboard.values, overview.periods.current)}`}
        exports={<ExportButtons what="reactions" query={dashboard.query} label={x.exportReactions} />}
      />
    </Stack>
  );
}

/**
 * The dashboard's start: rapportcijfer, % 8+ against its target, % ontevreden, NPS and the response
 * rate, each with n, interval and change; the weakest phase; comparisons; the latest reactions. A
 * technician's is "Mijn resultaten" (their scope is their own work), a contractor's its own.
 */
export default function Overview() {
  const x = useTexts();
  const dashboard = useDashboard();
  const overview = useOverview(dashboard.query);
  const title =
    dashboard.perspective === 'technician'
      ? x.myResults
      : dashboard.perspective === 'contractor'
        ? x.ourResults
        : x.dashboard;
  return (
    <DashboardFrame dashboard={dashboard} title={title} period={overview.data?.periods.current}>
      <QueryState query={overview}>
        {(data) => <OverviewFigures overview={data} dashboard={dashboard} />}
      </QueryState>
    </DashboardFrame>
  );
}
