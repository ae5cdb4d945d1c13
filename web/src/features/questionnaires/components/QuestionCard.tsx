import {
  ActionIcon,
  Alert,
  Badge,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { QuestionType } from '../api';
import { type EditableQuestion, type Phase, phases, questionTypes } from '../question-model';
import { useTexts } from '../texts';
import { ConditionFields, conditionFields } from './ConditionFields';
import { isOptionField, OptionsFields } from './OptionsFields';

const shownFields = new Set(['text.nl', 'text.en', 'help.nl', 'help.en', 'phase', ...conditionFields]);

/** One question of a draft as a fieldset: its texts, its type's settings, its condition, its place. */
export function QuestionCard({
  question,
  index,
  count,
  earlier,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  question: EditableQuestion;
  index: number;
  count: number;
  earlier: EditableQuestion[];
  errors: Map<string, string>;
  onChange: (patch: Partial<EditableQuestion>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const x = useTexts();
  const q = question;
  const n = index + 1;
  const typeEditable = !q.fixed;
  const rest = [...errors].filter(
    ([field]) =>
      !shownFields.has(field) &&
      !isOptionField(field) &&
      !(typeEditable && (field === 'type' || field === 'key')),
  );
  const textInput = (lang: 'nl' | 'en') => (
    <Textarea
      label={lang === 'nl' ? x.textNl : x.textEn}
      autosize
      minRows={1}
      maxLength={500}
      value={q.text[lang]}
      error={errors.get(`text.${lang}`)}
      onChange={(e) => onChange({ text: { ...q.text, [lang]: e.currentTarget.value } })}
    />
  );
  const helpInput = (lang: 'nl' | 'en') => (
    <TextInput
      label={lang === 'nl' ? x.helpNl : x.helpEn}
      maxLength={500}
      value={q.help[lang]}
      error={errors.get(`help.${lang}`)}
      onChange={(e) => onChange({ help: { ...q.help, [lang]: e.currentTarget.value } })}
    />
  );

  return (
    <Fieldset
      data-question-key={q.key}
      legend={
        <Group gap="xs" wrap="nowrap">
          <span>{x.question(n)}</span>
          <Badge variant="light" color="gray">
            {x.types[q.type]}
          </Badge>
        </Group>
      }
      style={errors.size ? { borderColor: 'var(--mantine-color-red-8)' } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group align="flex-start" grow style={{ flex: 1 }} wrap="wrap">
            {typeEditable ? (
              <Select
                label={x.type}
                data={questionTypes.map((t) => ({ value: t, label: x.types[t] }))}
                value={q.type}
                allowDeselect={false}
                error={errors.get('type')}
                onChange={(t) =>
                  t && onChange({ type: t as QuestionType, required: t === 'grade' || q.required })
                }
              />
            ) : null}
            {q.fixed ? (
              <Text size="sm" mt={4}>
                {x.key}: <code>{q.key}</code>
              </Text>
            ) : (
              <TextInput
                label={x.key}
                value={q.key}
                description={x.keyHelpNew}
                error={errors.get('key')}
                onChange={(e) => onChange({ key: e.currentTarget.value, keyTouched: true })}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              />
            )}
          </Group>
          <Group gap={4} wrap="nowrap" mt={24}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={x.moveUp(n)}
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
            >
              <IconArrowUp size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={x.moveDown(n)}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
            >
              <IconArrowDown size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="default" color="red.9" size="lg" aria-label={x.remove(n)} onClick={onRemove}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {textInput('nl')}
          {textInput('en')}
          {helpInput('nl')}
          {helpInput('en')}
        </SimpleGrid>
        <Group gap="lg">
          <Checkbox
            label={x.required}
            checked={q.required}
            onChange={(e) => onChange({ required: e.currentTarget.checked })}
          />
          {q.type === 'statement' && (
            <Checkbox
              label={x.technicianInfluenceable}
              checked={q.technicianInfluenceable}
              onChange={(e) => onChange({ technicianInfluenceable: e.currentTarget.checked })}
            />
          )}
        </Group>
        {q.type === 'phase_grade' && (
          <Select
            label={x.phase}
            maw={360}
            data={phases.map((p) => ({ value: p, label: x.phases[p] }))}
            value={q.phase}
            allowDeselect={false}
            readOnly={q.fixed}
            error={errors.get('phase')}
            onChange={(p) => p && onChange({ phase: p as Phase })}
          />
        )}
        {q.type === 'choice' && <OptionsFields question={q} number={n} errors={errors} onChange={onChange} />}
        {q.type !== 'grade' && (
          <ConditionFields
            question={q}
            earlier={earlier}
            errors={errors}
            onChange={(condition) => onChange({ condition })}
          />
        )}
        {rest.length > 0 && (
          <Alert color="red" title={x.otherProblems}>
            {rest.map(([field, message]) => (
              <Text key={field} size="sm">
                {field ? `${field}: ` : ''}
                {message}
              </Text>
            ))}
          </Alert>
        )}
      </Stack>
    </Fieldset>
  );
}
