import { Alert, Button, Fieldset, Group, NumberInput, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { IconClockPause, IconShieldLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { api, v1 } from '../../../lib/api';
import { fieldIssues } from '../../../lib/form-issues';
import { useI18n } from '../../../lib/i18n';
import { queryKeys } from '../../../lib/query-keys';
import { type SurveySettings as Settings, useSurveySettings } from '../api';
import { notify } from '../notify';
import { useTexts } from '../texts';

/** "Enquête-instellingen": per journey whether, when and how long invitations go out. */
export default function SurveySettings() {
  const x = useTexts();
  const query = useSurveySettings();
  return (
    <Page title={x.surveySettings}>
      <Text maw={760}>{x.settingsIntro}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} maw={1100}>
        <Alert color="blue" variant="light" icon={<IconClockPause size={20} aria-hidden />}>
          {x.quietHours}
        </Alert>
        <Alert color="blue" variant="light" icon={<IconShieldLock size={20} aria-hidden />}>
          {x.validity}
        </Alert>
      </SimpleGrid>
      <QueryState query={query}>
        {(data) => (
          <Stack maw={1100}>
            {data.items.map((s) => (
              <JourneySettings key={s.journey} settings={s} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}

/** the server's ranges (src/domain/invitations/survey-settings.ts); it says so itself when a value is off */
const dayRanges = {
  reminderDays: { min: 1, max: 30 },
  expiryDays: { min: 1, max: 90 },
  quarantineDays: { min: 0, max: 365 },
};

type Form = Omit<Settings, 'journey' | 'delayMinutes'> & { hours: number | string; minutes: number | string };

function JourneySettings({ settings }: { settings: Settings }) {
  const x = useTexts();
  const { locale } = useI18n();
  const queryClient = useQueryClient();
  const name = x.journey[settings.journey];
  const [form, setForm] = useState<Form>(() => ({
    enabled: settings.enabled,
    hours: Math.floor(settings.delayMinutes / 60),
    minutes: settings.delayMinutes % 60,
    reminderDays: settings.reminderDays,
    expiryDays: settings.expiryDays,
    quarantineDays: settings.quarantineDays,
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const whole = (v: number | string) => (typeof v === 'number' ? v : Number.parseInt(v, 10) || 0);
  const delayMinutes = whole(form.hours) * 60 + whole(form.minutes);

  const save = useMutation({
    mutationFn: () =>
      api.put<Settings>(v1(`/survey-settings/${settings.journey}`), {
        enabled: form.enabled,
        delayMinutes,
        reminderDays: whole(form.reminderDays),
        expiryDays: whole(form.expiryDays),
        quarantineDays: whole(form.quarantineDays),
      }),
    onSuccess: () => {
      setErrors({});
      notify(locale, 'green', x.settingsSaved(name));
      void queryClient.invalidateQueries({ queryKey: queryKeys.surveySettings.all });
    },
    onError: (err) => {
      const problems = fieldIssues(err);
      setErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])));
      notify(locale, 'red', `${x.saveSettings(name)}: ${err.message}`);
    },
  });
  const days = (field: keyof typeof dayRanges, label: string, help?: string) => (
    <NumberInput
      label={label}
      description={help}
      min={dayRanges[field].min}
      max={dayRanges[field].max}
      allowDecimal={false}
      value={form[field]}
      error={errors[field]}
      onChange={(v) => set({ [field]: v })}
    />
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Fieldset
        legend={
          <Text component="span" fw={700} size="lg">
            {name}
          </Text>
        }
      >
        <Stack>
          <Switch
            label={x.enabled}
            checked={form.enabled}
            error={errors.enabled}
            onChange={(e) => set({ enabled: e.currentTarget.checked })}
          />
          <Fieldset
            legend={
              <Text component="span" fw={500} size="sm">
                {x.delay}
              </Text>
            }
            variant="unstyled"
          >
            <Group align="flex-start">
              <NumberInput
                label={x.hours}
                w={120}
                min={0}
                max={168}
                allowDecimal={false}
                value={form.hours}
                onChange={(v) => set({ hours: v })}
              />
              <NumberInput
                label={x.minutes}
                w={120}
                min={0}
                max={59}
                allowDecimal={false}
                value={form.minutes}
                onChange={(v) => set({ minutes: v })}
              />
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {x.delayHelp(x.duration(Math.floor(delayMinutes / 60), delayMinutes % 60))}
            </Text>
            {errors.delayMinutes && (
              <Text size="sm" c="red.9" role="alert">
                {errors.delayMinutes}
              </Text>
            )}
          </Fieldset>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {days('reminderDays', x.reminderDays, x.reminderHelp)}
            {days('expiryDays', x.expiryDays)}
            {days('quarantineDays', x.quarantineDays, x.quarantineHelp)}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {x.saveSettings(name)}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
