import { type BreakdownDimension, journeys, type Perspective, periodKinds } from '@contracts';
import { ActionIcon, Badge, Button, CloseButton, Collapse, Group, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { DateField } from '../../../components/DateField';
import { useI18n } from '../../../lib/i18n';
import type { ListQuery } from '../../../lib/query-keys';
import { ALL_JOURNEYS, type FilterKey, type Filters, filterOf, periodKindOf } from '../filters';
import { addDays, type Period, periodLabel, todayInAmsterdam } from '../period-model';
import { useTexts } from '../texts';
import { DimensionSelect, useDimensionOptions } from './DimensionSelect';

/** the narrowing filters that make sense for whose work the reader sees (their scope is the server's) */
export function narrowingFor(perspective: Perspective, ledTeams: number): BreakdownDimension[] {
  if (perspective === 'technician') return ['trade', 'complex', 'city'];
  if (perspective === 'contractor') return ['team', 'trade', 'complex', 'city'];
  if (perspective === 'teamLeader')
    return [
      ...(ledTeams > 1 ? (['team'] as const) : []),
      'technician',
      'contractor',
      'trade',
      'complex',
      'city',
    ];
  return ['department', 'team', 'technician', 'contractor', 'trade', 'complex', 'city'];
}

type Set = (patch: Partial<Record<FilterKey, string | null>>) => void;

/** "Vakman: Jimi van den Berg ×" for a narrowing in the URL, named by its options */
function Chip(props: {
  dimension: BreakdownDimension;
  query: ListQuery | null;
  value: string;
  onRemove: () => void;
}) {
  const x = useTexts();
  const { options } = useDimensionOptions(props.dimension, props.query, true);
  const name = options.find((o) => o.value === props.value)?.label ?? props.value;
  const what = `${x.dimension[props.dimension]}: ${name}`;
  return (
    <Badge
      variant="light"
      size="lg"
      radius="sm"
      tt="none"
      rightSection={<CloseButton size="xs" aria-label={x.removeFilter(what)} onClick={props.onRemove} />}
    >
      {what}
    </Badge>
  );
}

/**
 * The dashboards' filters: the period (with steps to the one before and after), the journey, and
 * behind "Meer filters" the narrowing by the reader's dimensions, the score band and comments.
 * Narrowings in force show as chips, however they were set (a row of the breakdown, a shared link).
 */
export function DashboardFilters(props: {
  values: Filters;
  set: Set;
  query: ListQuery | null;
  perspective: Perspective;
  ledTeams: number;
  period: Period | undefined;
}) {
  const x = useTexts();
  const { t, tv } = useI18n();
  const { values, set } = props;
  const kind = periodKindOf(values);
  const [more, { toggle }] = useDisclosure(false);
  const dimensions = narrowingFor(props.perspective, props.ledTeams);
  const narrowed = (Object.keys(filterOf) as BreakdownDimension[]).filter(
    (d) => d !== 'journey' && values[filterOf[d]],
  );
  const extra = narrowed.length + (values.grade ? 1 : 0) + (values.hasComment ? 1 : 0);
  const today = todayInAmsterdam();
  return (
    <Stack gap="xs">
      <Group align="end" gap="sm">
        <Select
          label={x.period}
          w={220}
          value={kind}
          allowDeselect={false}
          onChange={(period) => set({ period, at: null, from: null, to: null })}
          data={periodKinds.map((k) => ({ value: k, label: x.periodKind[k] }))}
          comboboxProps={{ withinPortal: false }}
        />
        {kind === 'custom' ? (
          <>
            <DateField label={x.periodFrom} value={values.from} onChange={(from) => set({ from })} w={170} />
            <DateField
              label={x.periodTo}
              ariaLabel={x.periodToFull}
              value={values.to}
              onChange={(to) => set({ to })}
            />
          </>
        ) : (
          <Group gap={4} wrap="nowrap" mb={4}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={x.previousPeriod}
              disabled={!props.period}
              onClick={() => props.period && set({ at: addDays(props.period.from, -1) })}
            >
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <Text fw={600} miw={150} ta="center" aria-live="polite">
              {props.period ? periodLabel(kind, props.period, x) : '…'}
            </Text>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={x.nextPeriod}
              disabled={!props.period || props.period.to >= today}
              onClick={() => props.period && set({ at: addDays(props.period.to, 1) })}
            >
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Group>
        )}
        <Select
          label={t('field.journey')}
          w={220}
          value={values.journey || null}
          allowDeselect={false}
          onChange={(journey) => set({ journey })}
          data={[
            ...journeys.map((j) => ({ value: j, label: tv('journey', j) })),
            { value: ALL_JOURNEYS, label: x.allJourneys },
          ]}
          comboboxProps={{ withinPortal: false }}
        />
        <Button
          variant="default"
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
          onClick={toggle}
          aria-expanded={more}
          aria-controls="dashboard-more-filters"
          rightSection={
            extra > 0 ? (
              <Badge size="sm" circle>
                {extra}
              </Badge>
            ) : undefined
          }
        >
          {more ? x.fewerFilters : x.moreFilters}
        </Button>
      </Group>
      <Collapse expanded={more} id="dashboard-more-filters">
        <Group align="end" gap="sm" pb="xs">
          {dimensions.map((d) => (
            <DimensionSelect
              key={d}
              dimension={d}
              query={props.query}
              value={values[filterOf[d]]}
              onChange={(v) => set({ [filterOf[d]]: v })}
            />
          ))}
          <Select
            label={x.scoreBand}
            placeholder={t('list.all')}
            clearable
            w={170}
            value={values.grade || null}
            onChange={(grade) => set({ grade })}
            data={(['high', 'mid', 'low'] as const).map((b) => ({ value: b, label: x.band[b] }))}
            comboboxProps={{ withinPortal: false }}
          />
          <Select
            label={x.comment}
            placeholder={t('list.all')}
            clearable
            w={170}
            value={values.hasComment || null}
            onChange={(hasComment) => set({ hasComment })}
            data={[
              { value: 'true', label: x.withComment },
              { value: 'false', label: x.withoutComment },
            ]}
            comboboxProps={{ withinPortal: false }}
          />
        </Group>
      </Collapse>
      {extra > 0 && (
        <Group gap="xs" role="group" aria-label={x.activeFilters}>
          {narrowed.map((d) => (
            <Chip
              key={d}
              dimension={d}
              query={props.query}
              value={values[filterOf[d]]}
              onRemove={() => set({ [filterOf[d]]: null })}
            />
          ))}
          {values.grade && (
            <Badge
              variant="light"
              size="lg"
              radius="sm"
              tt="none"
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={x.removeFilter(x.scoreBand)}
                  onClick={() => set({ grade: null })}
                />
              }
            >
              {`${x.scoreBand}: ${x.band[values.grade as 'high'] ?? values.grade}`}
            </Badge>
          )}
          {values.hasComment && (
            <Badge
              variant="light"
              size="lg"
              radius="sm"
              tt="none"
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={x.removeFilter(x.comment)}
                  onClick={() => set({ hasComment: null })}
                />
              }
            >
              {values.hasComment === 'true' ? x.withComment : x.withoutComment}
            </Badge>
          )}
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() =>
              set({
                ...Object.fromEntries(narrowed.map((d) => [filterOf[d], null])),
                grade: null,
                hasComment: null,
              })
            }
          >
            {x.clearFilters}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
