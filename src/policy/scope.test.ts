import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { responses, type UserRole } from '../db/schema';
import { userActor } from '../test/user-actor';
import { systemActor, type UserActor } from './actor';
import { attributionScope, jobScope, responseScope } from './scope';

const dialect = new PgDialect({ casing: 'snake_case' });
const render = (condition: SQL | undefined) => (condition ? dialect.sqlToQuery(condition) : undefined);

describe('attributionScope', () => {
  const columns = (table: string) => (column: string) => `"${table}"."${column}"`;
  const cases: [UserRole, Partial<UserActor>, string, unknown[]][] = [
    ['head', { departmentId: 4 }, 'department_id', [4]],
    ['team_leader', { ledTeamIds: [2, 5] }, 'team_id', [2, 5]],
    ['employee', { employeeId: 7 }, 'technician_id', [7]],
    ['contractor', { contractorId: 9 }, 'contractor_id', [9]],
  ];

  it.each(cases)(
    'limits a %s to its own column, on jobs and on responses alike',
    (role, link, column, params) => {
      const actor = userActor(role, link);
      for (const [scope, table] of [
        [jobScope, 'jobs'],
        [responseScope, 'responses'],
      ] as const) {
        const query = render(scope(actor));
        expect(query?.sql).toContain(columns(table)(column));
        expect(query?.params).toEqual(params);
        // the one column, nothing else of the attribution
        for (const other of ['department_id', 'team_id', 'technician_id', 'contractor_id'].filter(
          (c) => c !== column,
        ))
          expect(query?.sql).not.toContain(other);
      }
    },
  );

  it('sees nothing where the actor lacks the link its role needs', () => {
    for (const actor of [
      userActor('head'),
      userActor('team_leader'),
      userActor('employee'),
      userActor('contractor'),
      userActor('head', { employeeId: 7, ledTeamIds: [2], contractorId: 9 }),
    ])
      expect(render(attributionScope(actor, responses))).toEqual({ sql: 'false', params: [] });
  });

  it('leaves the organisation-wide roles, API keys and the system unscoped', () => {
    for (const role of ['admin', 'quality', 'director', 'contact_centre'] as const) {
      expect(jobScope(userActor(role, { employeeId: 7, ledTeamIds: [2] }))).toBeUndefined();
      expect(responseScope(userActor(role, { employeeId: 7, ledTeamIds: [2] }))).toBeUndefined();
    }
    expect(responseScope({ kind: 'api_key', apiKeyId: 1, name: 'erp', scopes: ['responses:read'] })).toBe(
      undefined,
    );
    expect(jobScope(systemActor('test'))).toBeUndefined();
  });
});
