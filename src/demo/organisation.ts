import { cities } from './vocabulary';

/** Step 1: the corporation, its two maintenance departments, five regions and ten regional teams. */
export interface DemoOrganisation {
  organisation: {
    name: string;
    senderName: string;
    senderEmail: string;
    primaryColor: string;
    accentColor: string;
  };
  departments: { id: number; code: string; name: string; kind: 'repair' | 'planned' }[];
  regions: { id: number; code: string; name: string; city: string }[];
  /** five repair teams first (in region order), then five planned-maintenance teams */
  teams: {
    id: number;
    code: string;
    name: string;
    departmentId: number;
    regionId: number;
    kind: 'repair' | 'planned';
    leaderEmployeeId: number | null;
  }[];
}

export const DEMO_EMAIL_DOMAIN = 'demo.achtplus.nl';

export function generateOrganisation(): DemoOrganisation {
  const departments = [
    { id: 1, code: 'OD', name: 'Onderhoudsdienst', kind: 'repair' as const },
    { id: 2, code: 'PO', name: 'Planmatig Onderhoud', kind: 'planned' as const },
  ];
  const regions = cities
    .flatMap((c) => c.regions.map((r) => ({ ...r, city: c.name })))
    .map((r, i) => ({ id: i + 1, ...r }));
  const teams = departments.flatMap((dep) =>
    regions.map((region) => ({
      code: `${dep.code}-${region.code}`,
      name: `${dep.name} ${region.name}`,
      departmentId: dep.id,
      regionId: region.id,
      kind: dep.kind,
      leaderEmployeeId: null as number | null,
    })),
  );
  return {
    organisation: {
      name: 'Woonstichting Voorbeeld',
      senderName: 'Woonstichting Voorbeeld',
      senderEmail: `klantenservice@${DEMO_EMAIL_DOMAIN}`,
      primaryColor: '#1c5d99',
      accentColor: '#f28c28',
    },
    departments,
    regions,
    teams: teams.map((t, i) => ({ id: i + 1, ...t })),
  };
}
