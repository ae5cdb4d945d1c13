import type { z } from 'zod';
import type { IngestKindName } from '../ingest/ingest-kind';
import { ingestKinds } from '../ingest/kinds';

/**
 * Which column feeds which field. Suggested from the header names (normalised, with the Dutch
 * words ERP exports use); an explicit mapping `{field: column}` overrides the suggestion.
 */
export type Mapping = Record<string, string>;

/** Contractors carry contact persons; in a file that is one contact per row in three columns. */
const contactFields = ['contactName', 'contactEmail', 'contactPhone'];

const keySynonyms: Record<IngestKindName, string[]> = {
  jobs: ['werkorder', 'werkordernummer', 'ordernummer', 'klusnummer', 'opdrachtnummer'],
  teams: ['team', 'teamcode'],
  employees: ['personeelsnummer', 'medewerkernummer', 'medewerker'],
  contractors: ['comaker', 'comakernummer', 'leveranciersnummer', 'crediteurnummer'],
  complexes: ['complex', 'complexnummer'],
  units: ['vhe', 'vhenummer', 'eenheid', 'eenheidnummer', 'verhuureenheid'],
  tenants: ['huurder', 'huurdernummer', 'klantnummer', 'relatienummer'],
};

const fieldSynonyms: Record<string, string[]> = {
  journey: ['klantreis', 'soort', 'type'],
  trade: ['vakgebied', 'vak', 'discipline'],
  description: ['omschrijving', 'beschrijving', 'melding'],
  unitExternalId: ['vhe', 'vhenummer', 'eenheid', 'verhuureenheid'],
  tenantExternalId: ['huurder', 'huurdernummer', 'klantnummer'],
  teamCode: ['team', 'regioteam'],
  technicianExternalId: ['vakman', 'monteur', 'technicus'],
  contractorExternalId: ['comaker', 'aannemer', 'leverancier'],
  reportingChannel: ['kanaal', 'meldkanaal', 'meldingskanaal'],
  reportedAt: ['gemeld', 'gemeldop', 'meldingsdatum', 'datummelding'],
  appointmentAt: ['afspraak', 'afspraakdatum'],
  completedAt: ['afgemeld', 'afgemeldop', 'afmelddatum', 'gereed', 'gereeddatum', 'datumgereed', 'afgerond'],
  cancelledAt: ['geannuleerd', 'annuleringsdatum'],
  name: ['naam'],
  email: ['emailadres', 'mail'],
  phone: ['telefoon', 'telefoonnummer'],
  mobile: ['mobiel', 'mobielnummer', 'telefoon'],
  role: ['rol', 'functie'],
  departmentCode: ['afdeling', 'afdelingscode'],
  regionCode: ['regio', 'regiocode'],
  leaderExternalId: ['teamleider', 'uitvoerder', 'leidinggevende'],
  active: ['actief'],
  category: ['categorie'],
  pilotTeamCode: ['pilotteam'],
  city: ['plaats', 'woonplaats', 'stad'],
  street: ['straat', 'straatnaam'],
  houseNumber: ['huisnummer', 'nr'],
  complexExternalId: ['complex', 'complexnummer'],
  ownersAssociation: ['vve'],
  ownersAssociationName: ['vvenaam'],
  preferredChannel: ['voorkeurskanaal', 'kanaal'],
  optedOut: ['uitgeschreven', 'geenenquete', 'optout'],
  contactName: ['contactpersoon'],
  contactEmail: ['contactemail', 'emailcontactpersoon'],
  contactPhone: ['contacttelefoon'],
};

export const normaliseHeader = (h: string) =>
  h
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** The fields a file of this kind can have, and which of them it must have. */
export function fieldsOf(kind: IngestKindName): Array<{ field: string; required: boolean }> {
  const shape = (ingestKinds[kind].schema as unknown as z.ZodObject).shape;
  return Object.entries(shape).flatMap(([field, schema]) =>
    field === 'contacts'
      ? contactFields.map((f) => ({ field: f, required: false }))
      : [{ field, required: !(schema as z.ZodType).safeParse(undefined).success }],
  );
}

export function namesFor(kind: IngestKindName, field: string): string[] {
  const own = [field, field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
  const key = ingestKinds[kind].keyField === field ? keySynonyms[kind] : [];
  return [...own, ...key, ...(fieldSynonyms[field] ?? [])].map(normaliseHeader);
}

export function suggestMapping(kind: IngestKindName, columns: string[], explicit: Mapping = {}): Mapping {
  const normalised = columns.map(normaliseHeader);
  const taken = new Set(Object.values(explicit));
  const mapping: Mapping = {};
  for (const { field } of fieldsOf(kind)) {
    if (explicit[field]) {
      mapping[field] = explicit[field]!;
      continue;
    }
    for (const name of namesFor(kind, field)) {
      const i = normalised.indexOf(name);
      if (i !== -1 && !taken.has(columns[i]!)) {
        mapping[field] = columns[i]!;
        taken.add(columns[i]!);
        break;
      }
    }
  }
  return mapping;
}
