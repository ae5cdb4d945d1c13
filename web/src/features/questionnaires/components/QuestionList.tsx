import { Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useI18n } from '../../../lib/i18n';
import type { TQuestion, TQuestionnaireDefinition } from '../api';
import { useTexts } from '../texts';

/** A version as people who may not edit it (or a published one) read it: the questions in order. */
export function QuestionList({ definition }: { definition: TQuestionnaireDefinition }) {
  const x = useTexts();
  const { locale } = useI18n();
  const byKey = new Map(definition.questions.map((q) => [q.key, q]));
  const conditionText = (q: TQuestion) => {
    const c = q.condition;
    if (!c) return null;
    const target = byKey.get(c.questionKey);
    let value = String(c.value);
    if (typeof c.value === 'boolean') value = c.value ? x.yes : x.no;
    if (target?.type === 'choice')
      value = target.options.find((o) => o.value === c.value)?.label[locale] ?? value;
    return x.readOnlyCondition(target?.text[locale] ?? c.questionKey, x.operators[c.operator], value);
  };
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {definition.questions.map((q, i) => (
        <Paper component="li" key={q.key} withBorder p="md" radius="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Text fw={600}>
              {i + 1}. {q.text[locale]}
            </Text>
            <Group gap={6} wrap="nowrap">
              {q.required && (
                <Badge variant="light" color="blue">
                  {x.required}
                </Badge>
              )}
              <Badge variant="light" color="gray">
                {x.types[q.type]}
              </Badge>
            </Group>
          </Group>
          {q.help && (
            <Text size="sm" c="dimmed">
              {q.help[locale]}
            </Text>
          )}
          <Text size="sm" mt={4}>
            {x.key}: <code>{q.key}</code>
            {q.type === 'phase_grade' && ` · ${x.phase}: ${x.phases[q.phase]}`}
            {q.type === 'statement' && q.technicianInfluenceable && ` · ${x.technicianInfluenceable}`}
            {q.type === 'choice' && q.multiple && ` · ${x.multiple}`}
          </Text>
          {q.type === 'choice' && (
            <List size="sm" mt={4}>
              {q.options.map((o) => (
                <List.Item key={o.value}>{o.label[locale]}</List.Item>
              ))}
            </List>
          )}
          {q.condition && (
            <Text size="sm" fs="italic" mt={4}>
              {conditionText(q)}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
