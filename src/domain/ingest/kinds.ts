import { jobIngest } from '../jobs/upsert-jobs';
import type { IngestKind, IngestKindName } from './ingest-kind';
import { complexIngest } from './upsert-complexes';
import { contractorIngest } from './upsert-contractors';
import { employeeIngest } from './upsert-employees';
import { teamIngest } from './upsert-teams';
import { tenantIngest } from './upsert-tenants';
import { unitIngest } from './upsert-units';

/** Every kind of row that can come in, by the name the API and the import use. */
export const ingestKinds: Record<IngestKindName, IngestKind<any>> = {
  jobs: jobIngest,
  teams: teamIngest,
  employees: employeeIngest,
  contractors: contractorIngest,
  complexes: complexIngest,
  units: unitIngest,
  tenants: tenantIngest,
};
