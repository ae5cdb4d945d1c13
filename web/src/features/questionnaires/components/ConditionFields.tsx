import { Checkbox, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useI18n } from '../../../lib/i18n';
import { type EditableQuestion, isYesNo, type Operator, scales } from '../question-model';
import { useTexts } from '../texts';

/** "Only show when an earlier question …": looks only back, at questions whose answers compare. */
export function ConditionFields({
  question,
  earlier,
  errors,
  onChange,
}: {
  question: EditableQuestion;
  earlier: EditableQuestion[];
  errors: Map<string, string>;
  onChange: (condition: EditableQuestion['condition']) => void;
}) {
  const x = useTexts();
  const { locale } = useI18n();
  const candidates = earlier.filter((q) => q.type !== 'comment');
  const condition = question.condition;
  const target = condition ? earlier.find((q) => q.key === condition.questionKey) : undefined;
  const scale = target ? scales[target.type] : undefined;
  const operators: Operator[] = !target || scale ? ['lte', 'gte', 'eq'] : ['eq'];

  const start = () => {
    const first = candidates[candidates.length - 1] ?? candidates[0];
    if (!first) return;
    const s = scales[first.type];
    onChange({
      questionKey: first.key,
      operator: s ? 'lte' : 'eq',
      value: s
        ? String(Math.floor((s.min + s.max) / 2))
        : isYesNo(first.type)
          ? 'false'
          : (first.options[0]?.value ?? ''),
    });
  };
  const label = (q: EditableQuestion) => `${earlier.indexOf(q) + 1}. ${q.text[locale] || q.text.nl || q.key}`;

  return (
    <Stack gap="xs">
      <Checkbox
        label={x.hasCondition}
        checked={!!condition}
        disabled={!condition && candidates.length === 0}
        onChange={(e) => (e.currentTarget.checked ? start() : onChange(null))}
      />
      {!condition && candidates.length === 0 && (
        <Text size="sm" c="dimmed">
          {x.noEarlier}
        </Text>
      )}
      {condition && (
        <Group align="flex-start" grow wrap="wrap">
          <Select
            label={x.conditionQuestion}
            data={candidates.map((q) => ({ value: q.key, label: label(q) }))}
            value={condition.questionKey}
            allowDeselect={false}
            error={errors.get('condition.questionKey')}
            onChange={(key) => {
              const next = earlier.find((q) => q.key === key);
              if (!next) return;
              const s = scales[next.type];
              onChange({
                questionKey: next.key,
                operator: s ? condition.operator : 'eq',
                value: s ? condition.value : isYesNo(next.type) ? 'false' : (next.options[0]?.value ?? ''),
              });
            }}
          />
          <Select
            label={x.operator}
            data={operators.map((o) => ({ value: o, label: x.operators[o] }))}
            value={condition.operator}
            allowDeselect={false}
            error={errors.get('condition.operator')}
            onChange={(o) => o && onChange({ ...condition, operator: o as Operator })}
          />
          {scale || !target ? (
            <NumberInput
              label={x.value}
              min={scale?.min}
              max={scale?.max}
              allowDecimal={false}
              value={condition.value === '' ? '' : Number(condition.value)}
              error={errors.get('condition.value')}
              onChange={(v) => onChange({ ...condition, value: String(v) })}
            />
          ) : (
            <Select
              label={x.value}
              data={
                isYesNo(target.type)
                  ? [
                      { value: 'true', label: x.yes },
                      { value: 'false', label: x.no },
                    ]
                  : target.options
                      .filter((o) => o.value)
                      .map((o) => ({ value: o.value, label: o.label[locale] || o.label.nl || o.value }))
              }
              value={condition.value}
              allowDeselect={false}
              error={errors.get('condition.value')}
              onChange={(v) => v !== null && onChange({ ...condition, value: v })}
            />
          )}
        </Group>
      )}
    </Stack>
  );
}

export const conditionFields = ['condition.questionKey', 'condition.operator', 'condition.value'];
