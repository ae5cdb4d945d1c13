import { z } from 'zod';
import {
  contactChannels,
  contractorCategories,
  employeeRoles,
  jobStatuses,
  journeys,
  reportingChannels,
} from '../../db/schema';
import { zChoice, zFlag, zOptionalChoice, zOptionalText, zPostcode, zText, zTimestamp } from './fields';

/**
 * One row schema per kind, shared by the batch API (`POST /api/v1/jobs` …) and the CSV/XLSX import.
 * References are external ids or codes; they are resolved in SQL when the rows are upserted.
 * A field left out (or an empty cell) keeps what the database already holds.
 */

export const ZJobRow = z.object({
  externalId: zText(100),
  journey: zChoice(journeys, {
    reparatie: 'repair',
    planmatig: 'planned',
    planmatig_onderhoud: 'planned',
    mutatie: 'vacancy',
    mutatieonderhoud: 'vacancy',
  }),
  trade: zOptionalText(100),
  description: zOptionalText(5000),
  unitExternalId: zOptionalText(100),
  tenantExternalId: zOptionalText(100),
  teamCode: zOptionalText(100),
  technicianExternalId: zOptionalText(100),
  contractorExternalId: zOptionalText(100),
  status: zOptionalChoice(jobStatuses, {
    gemeld: 'reported',
    gepland: 'planned',
    afgemeld: 'completed',
    gereed: 'completed',
    afgerond: 'completed',
    geannuleerd: 'cancelled',
    vervallen: 'cancelled',
  }),
  reportingChannel: zOptionalChoice(reportingChannels, {
    telefoon: 'phone',
    website: 'web',
    balie: 'walk_in',
    mail: 'email',
    e_mail: 'email',
    overig: 'other',
  }),
  reportedAt: zTimestamp(),
  appointmentAt: zTimestamp(),
  completedAt: zTimestamp(),
  cancelledAt: zTimestamp(),
});
export type TJobRow = z.infer<typeof ZJobRow>;

export const ZJobStatusUpdate = z.object({
  externalId: zText(100),
  status: zChoice(['planned', 'completed', 'cancelled'] as const, {
    gepland: 'planned',
    afgemeld: 'completed',
    geannuleerd: 'cancelled',
  }),
  at: zTimestamp(),
});
export type TJobStatusUpdate = z.infer<typeof ZJobStatusUpdate>;

export const ZTeamRow = z.object({
  code: zText(50),
  name: zText(200),
  departmentCode: zText(50),
  regionCode: zOptionalText(50),
  leaderExternalId: zOptionalText(100),
});
export type TTeamRow = z.infer<typeof ZTeamRow>;

export const ZEmployeeRow = z.object({
  externalId: zText(100),
  name: zText(200),
  email: zOptionalText(320),
  phone: zOptionalText(50),
  role: zChoice(employeeRoles, {
    vakman: 'technician',
    monteur: 'technician',
    uitvoerder: 'team_leader',
    teamleider: 'team_leader',
    afdelingshoofd: 'head_of_department',
    directeur: 'director',
    klantcontactcentrum: 'contact_centre',
    kwaliteit: 'quality',
  }),
  departmentCode: zOptionalText(50),
  trade: zOptionalText(100),
  teamCode: zOptionalText(50),
  active: zFlag(),
});
export type TEmployeeRow = z.infer<typeof ZEmployeeRow>;

export const ZContractorContact = z.object({
  name: zText(200),
  email: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.email('must be an e-mail address')),
  phone: zOptionalText(50),
});

export const ZContractorRow = z.object({
  externalId: zText(100),
  name: zText(200),
  category: zChoice(contractorCategories, {
    hoofd: 'main',
    hoofdaannemer: 'main',
    specialist: 'specialist',
    overig: 'other',
  }),
  trade: zOptionalText(100),
  pilotTeamCode: zOptionalText(50),
  contacts: z.array(ZContractorContact).max(50).optional(),
});
export type TContractorRow = z.infer<typeof ZContractorRow>;

export const ZComplexRow = z.object({
  externalId: zText(100),
  name: zText(200),
  city: zText(100),
  teamCode: zOptionalText(50),
});
export type TComplexRow = z.infer<typeof ZComplexRow>;

export const ZUnitRow = z.object({
  externalId: zText(100),
  complexExternalId: zOptionalText(100),
  street: zText(200),
  houseNumber: zText(20),
  postcode: zPostcode(),
  city: zText(100),
  ownersAssociation: zFlag(),
  ownersAssociationName: zOptionalText(200),
});
export type TUnitRow = z.infer<typeof ZUnitRow>;

export const ZTenantRow = z.object({
  externalId: zText(100),
  unitExternalId: zOptionalText(100),
  name: zText(200),
  email: zOptionalText(320),
  mobile: zOptionalText(50),
  preferredChannel: zOptionalChoice(contactChannels, {
    sms: 'sms',
    beide: 'both',
    geen: 'none',
    mail: 'email',
    e_mail: 'email',
  }),
  optedOut: zFlag(),
});
export type TTenantRow = z.infer<typeof ZTenantRow>;
