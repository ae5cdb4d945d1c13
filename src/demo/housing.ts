import type { DemoVolumes } from './options';
import type { DemoOrganisation } from './organisation';
import type { Random } from './random';
import { cities, postcodeLetters, streetNamePool } from './vocabulary';

/** Step 4: complexes, units (with owners' associations) and their tenants, in four cities. */
export interface DemoComplex {
  id: number;
  externalId: string;
  name: string;
  city: string;
  regionId: number;
  /** the planned-maintenance team of the complex's region */
  teamId: number;
  unitIds: number[];
}

export interface DemoUnit {
  id: number;
  externalId: string;
  complexId: number;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  regionId: number;
  ownersAssociationName: string | null;
}

const kinds = [
  { kind: 'eengezinswoningen', weight: 4, min: 16, max: 90, name: (s: string) => `${s} e.o.` },
  { kind: 'portiekflat', weight: 3, min: 24, max: 64, name: (s: string) => `Portiekflats ${s}` },
  { kind: 'galerijflat', weight: 2, min: 60, max: 180, name: (s: string) => `Galerijflat ${s}` },
  { kind: 'seniorenwoningen', weight: 1, min: 12, max: 40, name: (s: string) => `Seniorenwoningen ${s}` },
] as const;

export function generateHousing({
  random,
  volumes,
  org,
}: {
  random: Random;
  volumes: DemoVolumes;
  org: DemoOrganisation;
}) {
  const complexes: DemoComplex[] = [];
  const units: DemoUnit[] = [];
  const plannedTeamOfRegion = new Map(
    org.teams.filter((t) => t.kind === 'planned').map((t) => [t.regionId, t.id]),
  );

  for (const city of cities) {
    const cityUnits = Math.round(volumes.units * city.share);
    const vveCount = Math.max(1, Math.round(volumes.ownersAssociations * city.share));
    const vveUnits = Math.round(volumes.ownersAssociationUnits * city.share);
    const regionIds = city.regions.map((r) => org.regions.find((x) => x.code === r.code)!.id);
    const streets = new StreetBook(random, city);

    const addComplex = (
      size: number,
      naming: (street: string) => string,
      vve: boolean,
      style: 'row' | 'entrance' | 'gallery',
    ) => {
      const id = complexes.length + 1;
      const regionId = random.pick(regionIds);
      const streetCount = size > 60 ? random.int(2, 3) : 1;
      const complex: DemoComplex = {
        id,
        externalId: `CPX-${String(id).padStart(4, '0')}`,
        name: '',
        city: city.name,
        regionId,
        teamId: plannedTeamOfRegion.get(regionId)!,
        unitIds: [],
      };
      let left = size;
      for (let s = 0; s < streetCount; s++) {
        const street = streets.take();
        if (s === 0) complex.name = naming(street.name);
        const onThisStreet = s === streetCount - 1 ? left : Math.round(size / streetCount);
        left -= onThisStreet;
        const numbers = houseNumbers(random, street, onThisStreet, style);
        const vveName = vve ? `VvE ${street.name} ${numbers[0]}-${numbers.at(-1)}` : null;
        let postcode = streets.postcode();
        numbers.forEach((houseNumber, i) => {
          if (i > 0 && i % 24 === 0) postcode = streets.postcode(); // a postcode covers a stretch of a street
          const unitId = units.length + 1;
          units.push({
            id: unitId,
            externalId: `VHE-${String(unitId).padStart(6, '0')}`,
            complexId: id,
            street: street.name,
            houseNumber,
            postcode,
            city: city.name,
            regionId,
            ownersAssociationName: vveName,
          });
          complex.unitIds.push(unitId);
        });
      }
      complexes.push(complex);
    };

    // Owners' associations (apartment buildings shared with private owners) among ordinary
    // complexes, in a shuffled order so ids and street names do not group them.
    const plans: {
      size: number;
      name: (s: string) => string;
      vve: boolean;
      style: 'row' | 'entrance' | 'gallery';
    }[] = [];
    for (const size of splitInto(random, vveUnits, vveCount, 6))
      plans.push({
        size,
        name: (s) => `Appartementen ${s}`,
        vve: true,
        style: random.chance(0.5) ? 'entrance' : 'gallery',
      });
    for (let left = cityUnits - vveUnits; left > 0; ) {
      const k = random.weighted(kinds.map((k) => [k, k.weight] as const));
      const size = Math.min(left, random.int(k.min, k.max));
      const style = k.kind === 'portiekflat' ? 'entrance' : k.kind === 'galerijflat' ? 'gallery' : 'row';
      plans.push({ size, name: k.name, vve: false, style });
      left -= size;
    }
    for (const p of random.shuffle(plans)) addComplex(p.size, p.name, p.vve, p.style);
  }
  return { complexes, units };
}
export type DemoHousing = ReturnType<typeof generateHousing>;

interface Street {
  name: string;
  /** the next free house number */
  next: number;
}

/** Street names and postcodes of one city: every street once before any is extended. */
class StreetBook {
  private readonly pool: string[];
  private readonly streets: Street[] = [];
  private number: number;
  private letter: number;

  constructor(
    private readonly random: Random,
    private readonly city: (typeof cities)[number],
  ) {
    this.pool = random.shuffle(streetNamePool());
    this.number = city.postcodeFrom;
    this.letter = random.int(0, 20);
  }

  take(): Street {
    const name = this.pool.pop();
    if (name) {
      const street = { name, next: 1 };
      this.streets.push(street);
      return street;
    }
    return this.random.pick(this.streets); // all names used: extend an existing street
  }

  /** "8023 KL": letters advance within a number; numbers cycle through the city's range */
  postcode() {
    this.letter += this.random.int(1, 4);
    if (this.letter >= postcodeLetters.length || this.random.chance(0.04)) {
      this.number = this.number >= this.city.postcodeTo ? this.city.postcodeFrom : this.number + 1;
      this.letter = this.letter >= postcodeLetters.length ? this.random.int(0, 3) : this.random.int(0, 20);
    }
    return `${this.number} ${postcodeLetters[this.letter]}`;
  }
}

/** Row houses: 1, 3, 5 …; entrances: 12A–12D; gallery flats: 1, 2, 3 … */
function houseNumbers(random: Random, street: Street, count: number, style: 'row' | 'entrance' | 'gallery') {
  const out: string[] = [];
  if (style === 'entrance') {
    const floors = random.int(3, 4);
    while (out.length < count) {
      for (let f = 0; f < floors && out.length < count; f++) out.push(`${street.next}${'ABCD'[f]}`);
      street.next += 2;
    }
    return out;
  }
  const step = style === 'row' && random.chance(0.6) ? 2 : 1;
  for (let i = 0; i < count; i++) {
    out.push(String(street.next));
    street.next += step;
  }
  return out;
}

/** `total` split into `parts` sizes of at least `min`, varying around the mean */
function splitInto(random: Random, total: number, parts: number, min: number) {
  const mean = total / parts;
  const sizes = Array.from({ length: parts }, () =>
    Math.max(min, random.around(mean, mean / 2, min, mean * 3)),
  );
  let diff = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % parts) {
    if (diff > 0) {
      sizes[i]!++;
      diff--;
    } else if (sizes[i]! > min) {
      sizes[i]!--;
      diff++;
    } else if (sizes.every((s) => s <= min)) break;
  }
  return sizes;
}
