import { describe, expect, it } from 'vitest';
import { userRoles } from '../db/schema';
import { userActor } from '../test/user-actor';
import type { Actor } from './actor';
import { jobCan, questionnaireCan, tenantCan } from './object-policies';

const erp: Actor = { kind: 'api_key', apiKeyId: 1, name: 'erp', scopes: ['jobs:read', 'responses:read'] };

describe('what an actor may do with one object', () => {
  it('lets only an admin handle a tenant’s AVG requests, and only what the tenant’s state allows', () => {
    const selfOptedOut = { selfOptedOutAt: '2026-11-01T10:00:00Z', erasedAt: null };
    const erased = { selfOptedOutAt: null, erasedAt: new Date() };
    for (const role of userRoles) {
      const admin = role === 'admin';
      expect(tenantCan(userActor(role), selfOptedOut), role).toEqual({
        exportData: admin,
        erase: admin,
        optBackIn: admin,
      });
      // an erasure is final: nothing to erase again, nothing to opt back in; the export shows what is left
      expect(tenantCan(userActor(role), erased), role).toEqual({
        exportData: admin,
        erase: false,
        optBackIn: false,
      });
    }
    expect(tenantCan(userActor('admin'), { selfOptedOutAt: null, erasedAt: null }).optBackIn).toBe(false);
    expect(tenantCan(erp, selfOptedOut)).toEqual({ exportData: false, erase: false, optBackIn: false });
  });

  it('never offers a tenant’s contact data for an anonymous answer, a job without tenant or a contractor', () => {
    const named = { hasTenant: true, answeredAnonymously: false };
    expect(jobCan(userActor('team_leader'), named).readTenantContact).toBe(true);
    expect(
      jobCan(userActor('team_leader'), { hasTenant: true, answeredAnonymously: true }).readTenantContact,
    ).toBe(false);
    expect(
      jobCan(userActor('team_leader'), { hasTenant: false, answeredAnonymously: false }).readTenantContact,
    ).toBe(false);
    expect(jobCan(userActor('contractor'), named)).toEqual({ readTenantContact: false, readSurvey: true });
    expect(jobCan(erp, named)).toEqual({ readTenantContact: false, readSurvey: true });
    expect(jobCan({ ...erp, scopes: ['jobs:read'] }, named).readSurvey).toBe(false);
  });

  it('offers one draft at a time, to those who shape questionnaires', () => {
    for (const role of userRoles) {
      const manage = role === 'admin' || role === 'quality';
      expect(questionnaireCan(userActor(role), { draftVersion: null }), role).toEqual({
        startDraft: manage,
        editDraft: false,
        publish: false,
      });
      expect(questionnaireCan(userActor(role), { draftVersion: 3 }), role).toEqual({
        startDraft: false,
        editDraft: manage,
        publish: manage,
      });
    }
  });
});
