import type { TAnswer, TResponseItem } from '@contracts';
import { Blockquote, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { commentsOf, npsGroup } from '../model';
import { type Texts, useTexts } from '../texts';
import { GradeBadge } from './GradeBadge';

/** a statement's answer 1–5 in words ("neutraal" for a value outside the scale, as before) */
const agreement = (x: Texts, value: number) =>
  x.agreement[value as keyof Texts['agreement']] ?? x.agreement[3];
const shownApart = new Set(['grade', 'nps', 'phase_grade', 'statement', 'comment', 'consent']);

/**
 * One response as staff read it: the grade first and large, then NPS, the grades per phase, the
 * statements, other answers and the comments. Everything the tenant typed is rendered as text.
 */
export function ResponseView({
  response,
  headingOrder = 3,
}: {
  response: TResponseItem;
  headingOrder?: 3 | 4;
}) {
  const { t, locale } = useI18n();
  const x = useTexts();
  const question = (a: TAnswer) => a.questionText?.[locale] ?? a.questionKey;
  const of = (type: string) => response.answers.filter((a) => a.questionType === type);
  const others = response.answers.filter((a) => !shownApart.has(a.questionType));
  const otherValue = (a: TAnswer) => {
    if (a.choiceLabels) return a.choiceLabels.map((l) => l[locale]).join(', ');
    if (a.questionType === 'first_time_fix') return a.numericValue === 1 ? t('yes') : t('no');
    return a.numericValue ?? a.textValue ?? '–';
  };
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {x.grade}
            </Text>
            <GradeBadge grade={response.grade} size="xl" />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {x.nps}
            </Text>
            <Text fw={600}>
              {response.nps === null ? '–' : `${response.nps} (${x.npsGroup[npsGroup(response.nps)]})`}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {x.submittedAt}
            </Text>
            <Text fw={600}>{formatDateTime(response.submittedAt)}</Text>
          </Stack>
        </SimpleGrid>
        <Text mt="md" size="sm">
          {response.consent
            ? `${x.consentYes}${response.tenant ? `: ${response.tenant.name}` : ''}`
            : x.consentNo}
        </Text>
      </Paper>
      {of('phase_grade').length > 0 && (
        <AnswerTable
          order={headingOrder}
          title={x.phases}
          rows={of('phase_grade').map((a) => [question(a), <GradeBadge key="g" grade={a.numericValue} />])}
        />
      )}
      {of('statement').length > 0 && (
        <AnswerTable
          order={headingOrder}
          title={x.statements}
          rows={of('statement').map((a) => [
            `${question(a)}${a.technicianInfluenceable ? ` (${x.influenceable})` : ''}`,
            a.numericValue ? agreement(x, a.numericValue) : '–',
          ])}
        />
      )}
      {others.length > 0 && (
        <AnswerTable
          order={headingOrder}
          title={x.otherAnswers}
          rows={others.map((a) => [question(a), otherValue(a)])}
        />
      )}
      <Stack gap="xs">
        <Title order={headingOrder} size="h5">
          {x.comments}
        </Title>
        {commentsOf(response).length === 0 ? (
          <Text c="dimmed">{x.noComments}</Text>
        ) : (
          commentsOf(response).map((a) => (
            <Blockquote key={a.questionKey} p="sm" color="gray" cite={question(a)}>
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{a.textValue}</Text>
            </Blockquote>
          ))
        )}
      </Stack>
    </Stack>
  );
}

function AnswerTable({
  title,
  rows,
  order,
}: {
  title: string;
  rows: Array<[string, ReactNode]>;
  order: 3 | 4;
}) {
  const x = useTexts();
  return (
    <Stack gap="xs">
      <Title order={order} size="h5">
        {title}
      </Title>
      <Paper withBorder radius="md">
        <Table verticalSpacing="xs">
          <caption className="visually-hidden">{title}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{x.question}</Table.Th>
              <Table.Th scope="col">{x.answer}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([q, value]) => (
              <Table.Tr key={q}>
                <Table.Td>{q}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={4}>{value}</Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
