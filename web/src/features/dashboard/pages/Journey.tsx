import { phases, type TJourneyFigures } from '@contracts';
import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { QueryState } from '../../../components/QueryState';
import { useI18n } from '../../../lib/i18n';
import { useJourneyFigures } from '../api';
import { DashboardFrame } from '../components/DashboardFrame';
import { Figure } from '../components/Figure';
import { FigureTile } from '../components/FigureTile';
import { QuadrantChart } from '../components/QuadrantChart';
import { formatCount } from '../figure-model';
import { useTexts } from '../texts';
import { useDashboard } from '../use-dashboard';

const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function PhasesAndStatements({ data }: { data: TJourneyFigures }) {
  const x = useTexts();
  const { locale } = useI18n();
  const order = (p: string) => (phases as readonly string[]).indexOf(p) + 1 || 99;
  const shown = [...data.phases].sort((a, b) => order(a.phase) - order(b.phase));
  const visible = shown.filter((p) => !p.figure.hidden && p.figure.value !== null);
  const weakest = visible.sort((a, b) => (a.figure.value as number) - (b.figure.value as number))[0]?.phase;
  const statements = data.statements.filter((s) => s.questionType === 'statement');
  const lowestStatement = statements
    .filter((s) => !s.figure.hidden && s.figure.value !== null)
    .sort((a, b) => (a.figure.value as number) - (b.figure.value as number))[0]?.questionKey;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {x.phasesTitle}
        </Title>
        <Table verticalSpacing={6}>
          <caption className="visually-hidden">{x.phasesTitle}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{x.phase}</Table.Th>
              <Table.Th scope="col">{x.metric.grade}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((p) => (
              <Table.Tr key={p.phase} bg={p.phase === weakest ? 'orange.0' : undefined}>
                <Table.Th scope="row" fw={p.phase === weakest ? 700 : 500}>
                  <Group gap={6}>
                    {x.phases[p.phase] ?? p.phase}
                    {p.phase === weakest && (
                      <Badge color="orange" size="sm" variant="light">
                        {x.weakest}
                      </Badge>
                    )}
                  </Group>
                </Table.Th>
                <Table.Td>
                  <Figure figure={p.figure} size="cell" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {x.statements}
        </Title>
        <Table verticalSpacing={6}>
          <caption className="visually-hidden">{x.statements}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{x.statement}</Table.Th>
              <Table.Th scope="col">{x.performance}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {statements.map((s) => (
              <Table.Tr key={s.questionKey} bg={s.questionKey === lowestStatement ? 'orange.0' : undefined}>
                <Table.Th scope="row" fw={s.questionKey === lowestStatement ? 700 : 500}>
                  <Stack gap={2}>
                    <Text size="sm" fw="inherit">
                      {s.text?.[locale] ?? s.questionKey}
                    </Text>
                    <Group gap={4}>
                      {s.technicianInfluenceable && (
                        <Badge variant="light" color="gray" size="xs" tt="none">
                          {x.influenceable}
                        </Badge>
                      )}
                      {s.questionKey === lowestStatement && (
                        <Badge color="orange" size="xs" variant="light">
                          {x.weakest}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                </Table.Th>
                <Table.Td>
                  <Figure figure={s.figure} size="cell" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </SimpleGrid>
  );
}

function Drivers({ data }: { data: TJourneyFigures }) {
  const x = useTexts();
  const { locale } = useI18n();
  const d = data.drivers;
  // each driver's share of what they explain together (εⱼ/R², whether the API sends raw or rescaled weights)
  const weights = d.items.reduce((sum, i) => sum + i.weight, 0) || 1;
  const name = (item: (typeof d.items)[number]) =>
    item.phase ? (x.phases[item.phase] ?? item.phase) : (item.text?.[locale] ?? item.questionKey);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4">
        {x.drivers}
      </Title>
      {d.items.length === 0 ? (
        <Text c="dimmed" mt="xs">
          {x.noDrivers}
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {x.driversHint(
              formatCount(d.n),
              d.rSquared === null ? '–' : `R² = ${twoDecimals.format(d.rSquared)}`,
            )}
          </Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <Table.ScrollContainer minWidth={440} type="native">
              <Table verticalSpacing={6} striped>
                <caption className="visually-hidden">{x.drivers}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{x.number}</Table.Th>
                    <Table.Th scope="col">{x.statement}</Table.Th>
                    <Table.Th scope="col">{x.weight}</Table.Th>
                    <Table.Th scope="col">{x.significance}</Table.Th>
                    <Table.Th scope="col">{x.performance}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.items.map((item, index) => (
                    <Table.Tr key={item.questionKey} c={item.significant ? undefined : 'dimmed'}>
                      <Table.Td>{index + 1}</Table.Td>
                      <Table.Th scope="row" fw={500}>
                        {name(item)}
                      </Table.Th>
                      <Table.Td>{percent.format(item.weight / weights)}</Table.Td>
                      <Table.Td>
                        {item.significant ? (
                          <Badge variant="light" color="blue" size="sm" tt="none">
                            {x.significant}
                          </Badge>
                        ) : (
                          <Badge variant="outline" color="gray" size="sm" tt="none">
                            {x.notSignificant}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{percent.format(item.performance)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {x.quadrant}
              </Text>
              <Text size="xs" c="dimmed">
                {x.quadrantHint}
              </Text>
              <QuadrantChart drivers={d} name={name} />
            </Stack>
          </SimpleGrid>
        </Stack>
      )}
    </Paper>
  );
}

function FirstTimeFix({ data }: { data: TJourneyFigures }) {
  const x = useTexts();
  const f = data.firstTimeFix;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {x.firstTimeFix}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <FigureTile label={x.ftfReported} figure={f.reported} />
        <FigureTile label={x.ftfFromJobs} figure={f.fromJobs} />
        <FigureTile label={x.gradeWhenFixed} figure={f.gradeWhenFixed} />
        <FigureTile label={x.gradeWhenNotFixed} figure={f.gradeWhenNotFixed} />
      </SimpleGrid>
    </Stack>
  );
}

/** The customer journey: score per phase and statement (weakest highlighted), key drivers, first-time fix. */
export default function Journey() {
  const x = useTexts();
  const dashboard = useDashboard();
  const journey = useJourneyFigures(dashboard.query);
  return (
    <DashboardFrame
      dashboard={dashboard}
      title={`${x.dashboard}: ${x.tabs.journey}`}
      period={journey.data?.periods.current}
    >
      <QueryState query={journey}>
        {(data) => (
          <Stack gap="md">
            <PhasesAndStatements data={data} />
            <Drivers data={data} />
            <FirstTimeFix data={data} />
          </Stack>
        )}
      </QueryState>
    </DashboardFrame>
  );
}
