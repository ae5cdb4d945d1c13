import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { perspectiveOf } from '.';

/**
 * The staff app's bundle imports src/contracts: a value imported from server code (zod, drizzle,
 * node modules, src/db, src/domain) would ride along into every phone. Only `import type` may
 * reach outside this folder.
 */
describe('src/contracts', () => {
  const dir = import.meta.dirname;
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it.each(files)('%s imports nothing but types from outside src/contracts', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const imports = [...source.matchAll(/^(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'/gm)];
    const valueImportsFromOutside = imports
      .filter(([, , typeOnly, from]) => !typeOnly && !from?.startsWith('./'))
      .map(([statement]) => statement);
    expect(valueImportsFromOutside).toEqual([]);
  });

  it('names the perspective from the role and the links', () => {
    const who = { employeeId: null, contractorId: null, ledTeamIds: [] };
    expect(perspectiveOf({ ...who, role: 'contractor', contractorId: 4 })).toBe('contractor');
    expect(perspectiveOf({ ...who, role: 'contractor' })).toBe('organisation');
    expect(perspectiveOf({ ...who, role: 'employee', employeeId: 7 })).toBe('technician');
    expect(perspectiveOf({ ...who, role: 'team_leader', ledTeamIds: [1] })).toBe('teamLeader');
    expect(perspectiveOf({ ...who, role: 'team_leader' })).toBe('organisation');
    expect(perspectiveOf({ ...who, role: 'admin', employeeId: 7 })).toBe('organisation');
  });
});
