import { Button, Group, Paper, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { QuestionType } from '../api';
import { type EditableQuestion, insertAt, newQuestion, questionTypes } from '../question-model';
import { useTexts } from '../texts';

/** Type picker and button; one grade and one consent at most, so those leave the list once present. */
export function AddQuestion({
  questions,
  fixedKeys,
  onAdd,
}: {
  questions: EditableQuestion[];
  fixedKeys: Set<string>;
  onAdd: (question: EditableQuestion, at: number) => void;
}) {
  const x = useTexts();
  const present = new Set(questions.map((q) => q.type));
  const available = questionTypes.filter((t) => !((t === 'grade' || t === 'consent') && present.has(t)));
  const [type, setType] = useState<QuestionType>('statement');
  const chosen = available.includes(type) ? type : (available[0] ?? 'comment');
  return (
    <Paper withBorder p="md" radius="md">
      <Group align="flex-end">
        <Select
          label={x.newQuestionType}
          w={320}
          data={available.map((t) => ({ value: t, label: x.types[t] }))}
          value={chosen}
          allowDeselect={false}
          onChange={(t) => t && setType(t as QuestionType)}
        />
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          variant="default"
          onClick={() =>
            onAdd(
              newQuestion(chosen, [...fixedKeys, ...questions.map((q) => q.key)]),
              insertAt(questions, chosen),
            )
          }
        >
          {x.addQuestion}
        </Button>
      </Group>
    </Paper>
  );
}
