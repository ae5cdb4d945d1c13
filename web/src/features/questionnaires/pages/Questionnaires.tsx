import { Anchor, Badge, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ListTable } from '../../../components/ListTable';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/format';
import { useQuestionnaires } from '../api';
import { useTexts } from '../texts';

/** "Vragenlijsten": the three journeys, what tenants get now and whether a new version is underway. */
export default function Questionnaires() {
  const x = useTexts();
  const query = useQuestionnaires();
  return (
    <Page title={x.questionnaires}>
      <Text maw={760}>{x.intro}</Text>
      <QueryState query={query}>
        {(data) => (
          <ListTable
            caption={x.questionnaires}
            data={data}
            rowKey={(q) => q.id}
            columns={[
              {
                label: x.journeyColumn,
                render: (q) => (
                  <Anchor component={Link} to={`/questionnaires/${q.id}`} fw={500}>
                    {x.journey[q.journey]}
                  </Anchor>
                ),
              },
              { label: x.publishedVersion, render: (q) => q.publishedVersion ?? x.none },
              { label: x.publishedAt, render: (q) => formatDateTime(q.publishedAt), nowrap: true },
              {
                label: x.draft,
                render: (q) =>
                  q.draftVersion === null ? (
                    x.noDraft
                  ) : (
                    <Badge variant="light" color="yellow">
                      {x.draftOf(q.draftVersion)}
                    </Badge>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </Page>
  );
}
