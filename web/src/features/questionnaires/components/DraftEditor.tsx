import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy, IconExternalLink } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { api, v1 } from '../../../lib/api';
import { fieldIssues } from '../../../lib/form-issues';
import { useI18n } from '../../../lib/i18n';
import { queryKeys } from '../../../lib/query-keys';
import type { QuestionnaireItem, QuestionnaireVersion } from '../api';
import { notify } from '../notify';
import {
  type EditableQuestion,
  fromDefinition,
  keyFromText,
  move,
  problemsByQuestion,
  toDefinition,
  uniqueKey,
} from '../question-model';
import { useTexts } from '../texts';
import { AddQuestion } from './AddQuestion';
import { LeaveGuard, PublishButton } from './DraftDialogs';
import { QuestionCard } from './QuestionCard';

/**
 * Editing a draft: the working copy lives here until "Concept opslaan" sends it whole (PUT …/draft).
 * The server's 400 problems name `questions.N.…`; they are shown on question N until the list changes.
 */
export function DraftEditor({
  item,
  draft,
  fixedKeys,
}: {
  item: QuestionnaireItem;
  draft: QuestionnaireVersion;
  fixedKeys: Set<string>;
}) {
  const x = useTexts();
  const { locale } = useI18n();
  const queryClient = useQueryClient();
  const [questions, setQuestions] = useState(() => fromDefinition(draft.definition, fixedKeys));
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Array<{ field: string; message: string }>>([]);
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<{ uid: string; selectors: string[] } | null>(null);
  const { perQuestion, general } = useMemo(() => problemsByQuestion(problems), [problems]);

  // after a move, add or remove, the keyboard stays where the person is working
  useEffect(() => {
    if (!focus) return;
    const card = document.querySelector(`[data-uid="${focus.uid}"]`);
    for (const selector of focus.selectors) {
      const target = card?.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        break;
      }
    }
    setFocus(null);
  }, [focus]);

  const change = (next: EditableQuestion[], structural: boolean) => {
    setQuestions(next);
    setDirty(true);
    if (structural) setProblems([]);
  };
  const update = (i: number, patch: Partial<EditableQuestion>) => {
    const old = questions[i];
    if (!old) return;
    const q = { ...old, ...patch };
    // a new question's key follows its Dutch text until someone types a key
    if (patch.text && !q.keyTouched && !q.fixed) {
      const taken = new Set([...fixedKeys, ...questions.filter((_, j) => j !== i).map((o) => o.key)]);
      q.key = uniqueKey(keyFromText(q.text.nl), taken);
    }
    // conditions follow a key that changes
    const next = questions.map((o, j) =>
      j === i
        ? q
        : o.condition?.questionKey === old.key && q.key !== old.key
          ? { ...o, condition: { ...o.condition, questionKey: q.key } }
          : o,
    );
    change(next, false);
  };
  const moveTo = (i: number, to: number) => {
    const q = questions[i];
    if (!q) return;
    change(move(questions, i, to), true);
    setAnnouncement(x.moved(to + 1));
    const up = `[aria-label="${x.moveUp(to + 1)}"]:not([disabled])`;
    const down = `[aria-label="${x.moveDown(to + 1)}"]:not([disabled])`;
    setFocus({ uid: q.uid, selectors: to < i ? [up, down] : [down, up] });
  };
  const remove = (i: number) => {
    const next = questions.filter((_, j) => j !== i);
    change(next, true);
    setAnnouncement(x.removed);
    const neighbour = next[Math.min(i, next.length - 1)];
    if (neighbour) setFocus({ uid: neighbour.uid, selectors: ['input', 'textarea'] });
  };
  const add = (q: EditableQuestion, at: number) => {
    const next = [...questions];
    next.splice(at, 0, q);
    change(next, true);
    setAnnouncement(x.added(at + 1));
    setFocus({ uid: q.uid, selectors: ['input'] });
  };

  const save = useMutation({
    mutationFn: () =>
      api.put<QuestionnaireVersion>(v1(`/questionnaires/${item.id}/draft`), {
        definition: toDefinition(questions),
      }),
    onSuccess: (saved) => {
      setProblems([]);
      setDirty(false);
      setQuestions((qs) => qs.map((q) => ({ ...q, keyTouched: true })));
      queryClient.setQueryData(queryKeys.questionnaires.version(item.id, saved.version), saved);
      notify(locale, 'green', x.saved);
    },
    onError: (err) => {
      // schema validation's paths start at the body (`body.definition.questions.3.condition.value`),
      // the key-stability check's at the definition (`definition.questions.3.type`)
      const found = fieldIssues(err, { prefix: /^(body\.)?definition\./ });
      setProblems(found);
      notify(locale, 'red', `${x.saveFailed}. ${found.length ? x.problemsAbove(found.length) : err.message}`);
    },
  });

  return (
    <Stack gap="md">
      <LeaveGuard when={dirty} />
      <Group justify="space-between" align="center">
        <Text>{x.editingDraft(draft.version, item.publishedVersion)}</Text>
        <Group gap="sm">
          {dirty && (
            <Badge color="yellow" variant="light">
              {x.unsaved}
            </Badge>
          )}
          <Button
            variant="default"
            component="a"
            href={`/s/preview/${draft.id}?lang=${locale}`}
            target="_blank"
            rel="noopener noreferrer"
            leftSection={<IconExternalLink size={16} aria-hidden />}
            title={x.previewSaved}
          >
            {x.preview} <span className="visually-hidden">{x.previewHint}</span>
          </Button>
          <Button
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            {x.save}
          </Button>
          <PublishButton
            item={item}
            version={draft.version}
            dirty={dirty}
            saveFirst={() => save.mutateAsync()}
            onPublished={() => {
              setDirty(false);
              void queryClient.invalidateQueries({ queryKey: queryKeys.questionnaires.all });
            }}
          />
        </Group>
      </Group>
      {general.length > 0 && (
        <Alert color="red" title={x.listProblems} role="alert">
          {general.map((m) => (
            <Text key={m} size="sm">
              {m}
            </Text>
          ))}
        </Alert>
      )}
      <div>
        <Title order={2} size="h3">
          {x.questions}
        </Title>
        <Text size="sm" c="dimmed">
          {x.keyFixed}
        </Text>
      </div>
      <div aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      {questions.map((q, i) => (
        <div key={q.uid} data-uid={q.uid}>
          <QuestionCard
            question={q}
            index={i}
            count={questions.length}
            earlier={questions.slice(0, i)}
            errors={perQuestion.get(i) ?? new Map()}
            onChange={(patch) => update(i, patch)}
            onMove={(to) => moveTo(i, to)}
            onRemove={() => remove(i)}
          />
        </div>
      ))}
      <AddQuestion questions={questions} fixedKeys={fixedKeys} onAdd={add} />
    </Stack>
  );
}
