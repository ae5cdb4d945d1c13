import { ActionIcon, Button, Checkbox, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import {
  type EditableOption,
  type EditableQuestion,
  emptyOption,
  keyFromText,
  uniqueKey,
} from '../question-model';
import { useTexts } from '../texts';

/**
 * The answer options of a choice question. A new option's value is made from its Dutch label (it is
 * what answers store), unless the person types one; saved options keep theirs.
 */
export function OptionsFields({
  question,
  number,
  errors,
  onChange,
}: {
  question: EditableQuestion;
  number: number;
  errors: Map<string, string>;
  onChange: (patch: Partial<EditableQuestion>) => void;
}) {
  const x = useTexts();
  const options = question.options;
  const set = (i: number, patch: Partial<EditableOption>) =>
    onChange({ options: options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  const labelNl = (i: number, nl: string) => {
    const o = options[i];
    if (!o) return;
    const taken = new Set(options.filter((_, j) => j !== i).map((p) => p.value));
    const value = o.valueTouched ? o.value : uniqueKey(keyFromText(nl).replace(/^q_/, ''), taken);
    set(i, { label: { ...o.label, nl }, value: o.valueTouched ? o.value : value });
  };
  return (
    <Fieldset legend={x.options}>
      <Stack gap="sm">
        {errors.get('options') && (
          <Text c="red.9" size="sm" role="alert">
            {errors.get('options')}
          </Text>
        )}
        {options.map((o, i) => (
          <Group key={o.uid} align="flex-start" wrap="wrap" gap="xs">
            <TextInput
              label={`${x.option(i + 1)}: ${x.optionLabelNl}`}
              style={{ flex: '2 1 12rem' }}
              value={o.label.nl}
              error={errors.get(`options.${i}.label.nl`)}
              onChange={(e) => labelNl(i, e.currentTarget.value)}
            />
            <TextInput
              label={`${x.option(i + 1)}: ${x.optionLabelEn}`}
              style={{ flex: '2 1 12rem' }}
              value={o.label.en}
              error={errors.get(`options.${i}.label.en`)}
              onChange={(e) => set(i, { label: { ...o.label, en: e.currentTarget.value } })}
            />
            <TextInput
              label={`${x.option(i + 1)}: ${x.optionValue}`}
              style={{ flex: '1 1 8rem' }}
              value={o.value}
              error={errors.get(`options.${i}.value`)}
              onChange={(e) => set(i, { value: e.currentTarget.value, valueTouched: true })}
            />
            <ActionIcon
              variant="subtle"
              color="red.9"
              mt={26}
              size="lg"
              aria-label={`${x.question(number)}: ${x.removeOption(i + 1)}`}
              onClick={() => onChange({ options: options.filter((_, j) => j !== i) })}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange({ options: [...options, emptyOption()] })}
          >
            {x.addOption}
          </Button>
          <Checkbox
            label={x.multiple}
            checked={question.multiple}
            onChange={(e) => onChange({ multiple: e.currentTarget.checked })}
          />
        </Group>
      </Stack>
    </Fieldset>
  );
}

export const isOptionField = (field: string) =>
  field === 'options' || /^options\.\d+\.(value|label\.(nl|en))$/.test(field);
