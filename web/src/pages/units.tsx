import type { TJobItem as Job } from '@contracts';
import { Anchor, Group, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Fields } from '../components/Fields';
import { ListTable } from '../components/ListTable';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { SearchBox } from '../components/SearchBox';
import { useJobColumns } from '../features/jobs/components/JobColumns';
import { useI18n } from '../lib/i18n';
import { can, useMe } from '../lib/me';
import { type Ref, useList, useRecord } from '../lib/queries';
import { useUrlState } from '../lib/url-state';
import { UnitTenantData } from './units-tenant-data';

interface Unit {
  id: number;
  externalId: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  complex: Ref | string | null;
  ownersAssociation: boolean | string | null;
}
interface UnitDetailData extends Unit {
  recentJobs?: Job[];
  jobs?: Job[];
}

const complexName = (c: Unit['complex']) => (c && typeof c === 'object' ? c.name : c) || '–';

function useOwnersAssociation() {
  const { t } = useI18n();
  return (v: Unit['ownersAssociation']) => (typeof v === 'string' ? v : v ? t('yes') : t('no'));
}

export function UnitList() {
  const { t } = useI18n();
  const oa = useOwnersAssociation();
  const { values, page, set } = useUrlState(['q', 'city', 'complexId'] as const);
  const query = useList<Unit>('/units', {
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
              { label: t('field.city'), render: (r) => r.city },
              { label: t('field.complex'), render: (r) => complexName(r.complex) },
              { label: t('field.ownersAssociation'), render: (r) => oa(r.ownersAssociation) },
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
  const oa = useOwnersAssociation();
  const { id } = useParams();
  const query = useRecord<UnitDetailData>(`/units/${id}`);
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
              [t('field.city'), u.city],
              [t('field.complex'), complexName(u.complex)],
              [t('field.ownersAssociation'), oa(u.ownersAssociation)],
            ]}
          />
          <Title order={2} size="h4">
            {t('units.recentJobs')}
          </Title>
          <ListTable
            caption={t('units.recentJobs')}
            data={{ items: u.recentJobs ?? u.jobs ?? [] }}
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
