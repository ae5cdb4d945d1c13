import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Fields } from '../../../components/Fields';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { api, v1 } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { queryKeys } from '../../../lib/query-keys';
import { NotFound } from '../../../pages/NotFound';
import {
  type QuestionnaireItem,
  type QuestionnaireVersion,
  useQuestionnaires,
  useQuestionnaireVersion,
} from '../api';
import { DraftEditor } from '../components/DraftEditor';
import { QuestionList } from '../components/QuestionList';
import { notify } from '../notify';
import { useTexts } from '../texts';

/**
 * One journey's questionnaire. Editors see the draft in the editor (or start one); everyone else
 * who may read questionnaires sees the published version as tenants get it.
 */
export default function QuestionnaireDetail() {
  const id = Number(useParams().id);
  const list = useQuestionnaires();
  const item = list.data?.items.find((q) => q.id === id);
  if (list.isSuccess && !item) return <NotFound />;
  return <QueryState query={list}>{() => (item ? <Questionnaire item={item} /> : null)}</QueryState>;
}

function Questionnaire({ item }: { item: QuestionnaireItem }) {
  const x = useTexts();
  const { locale } = useI18n();
  const published = useQuestionnaireVersion(item.id, item.publishedVersion);
  const draft = useQuestionnaireVersion(item.id, item.can.editDraft ? item.draftVersion : null);
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () => api.post<QuestionnaireVersion>(v1(`/questionnaires/${item.id}/draft`)),
    onSuccess: (created) => {
      queryClient.setQueryData(queryKeys.questionnaires.version(item.id, created.version), created);
      void queryClient.invalidateQueries({ queryKey: queryKeys.questionnaires.all });
    },
    onError: (err) => notify(locale, 'red', `${x.startDraft}: ${err.message}`),
  });
  const title = x.journey[item.journey];
  const editing = item.can.editDraft;

  return (
    <Page
      title={title}
      actions={
        <Anchor component={Link} to="/questionnaires">
          {x.backToList}
        </Anchor>
      }
    >
      <Fields
        items={[
          [x.publishedVersion, item.publishedVersion ?? x.none],
          [x.publishedAt, formatDateTime(item.publishedAt)],
          [x.publishedBy, published.data?.publishedBy ?? '–'],
          [x.draft, item.draftVersion === null ? x.noDraft : x.draftOf(item.draftVersion)],
        ]}
      />
      {editing ? (
        <QueryState query={draft}>
          {(d) => (
            // wait for the published version: its keys are the ones that may no longer change
            <QueryState query={published.isPending && item.publishedVersion === null ? draft : published}>
              {() => (
                <DraftEditor
                  key={d.id}
                  item={item}
                  draft={d}
                  fixedKeys={new Set(published.data?.definition.questions.map((q) => q.key))}
                />
              )}
            </QueryState>
          )}
        </QueryState>
      ) : (
        <Stack gap="md">
          {item.can.startDraft ? (
            <Group>
              <Button
                leftSection={<IconPencil size={16} aria-hidden />}
                loading={start.isPending}
                onClick={() => start.mutate()}
              >
                {x.startDraft}
              </Button>
              <Text size="sm" c="dimmed">
                {x.startDraftHelp}
              </Text>
            </Group>
          ) : (
            <Alert color="blue" variant="light">
              {x.readOnly}
            </Alert>
          )}
          {item.publishedVersion !== null && (
            <QueryState query={published}>{(v) => <QuestionList definition={v.definition} />}</QueryState>
          )}
        </Stack>
      )}
    </Page>
  );
}
