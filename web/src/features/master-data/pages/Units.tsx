import { Anchor, Group, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Fields } from '../../../components/Fields';
import { ListTable } from '../../../components/ListTable';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { SearchBox } from '../../../components/SearchBox';
import { useI18n } from '../../../lib/i18n';
import { can, useMe } from '../../../lib/me';
import { useUrlState } from '../../../lib/url-state';
import { useJobColumns } from '../../jobs/components/JobColumns';
import { useUnit, useUnits } from '../api';
import { UnitTenantData } from '../components/UnitTenantData';
import { useTexts } from '../texts';

export function UnitList() {
  const { t } = useI18n();
  const x = useTexts();
  const { values, page, set } = useUrlState(['q', 'city', 'complexId'] as const);
  const query = useUnits({
    q: values.q,
    city: values.city,
    complexId: values.complexId,
    page,
  });
  return (
    <Page title={t('nav.units')}>
      <Group>
        <SearchBox value={values.q} onChange={(q) => set({ q })} />
      </Group>
      <QueryState query={query}>
        {(data) => (
          <ListTable
            caption={t('nav.units')}
            data={data}
            rowKey={(r) => r.id}
            onPage={(p) => set({ page: String(p) })}
            columns={[
              {
                label: t('field.address'),
                render: (r) => (
                  <Anchor component={Link} to={`/units/${r.id}`}>{`${r.street} ${r.houseNumber}`}</Anchor>
                ),
              },
              { label: t('field.postcode'), render: (r) => r.postcode },
              { label: x.city, render: (r) => r.city },
              { label: x.complex, render: (r) => r.complex?.name || '–' },
              { label: x.ownersAssociation, render: (r) => (r.ownersAssociation ? t('yes') : t('no')) },
              { label: t('field.externalId'), render: (r) => r.externalId },
            ]}
          />
        )}
      </QueryState>
    </Page>
  );
}

export function UnitDetail() {
  const { t } = useI18n();
  const x = useTexts();
  const { id } = useParams();
  const query = useUnit(id);
  const columns = useJobColumns();
  const me = useMe().data;
  return (
    <QueryState query={query}>
      {(u) => (
        <Page title={`${u.street} ${u.houseNumber}, ${u.city}`}>
          <Fields
            items={[
              [t('field.externalId'), u.externalId],
              [t('field.postcode'), u.postcode],
              [x.city, u.city],
              [x.complex, u.complex?.name || '–'],
              [x.ownersAssociation, u.ownersAssociation ? t('yes') : t('no')],
            ]}
          />
          <Title order={2} size="h4">
            {x.recentJobs}
          </Title>
          <ListTable
            caption={x.recentJobs}
            data={{ items: u.recentJobs }}
            rowKey={(j) => j.id}
            columns={columns}
          />
          {/* a tenant's request under the AVG: export or erase, admins only */}
          {can(me, 'tenant-data.manage') && <UnitTenantData unitId={u.id} />}
        </Page>
      )}
    </QueryState>
  );
}
