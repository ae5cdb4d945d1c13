import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildComplex, buildUnit } from '../../test/factories';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';

/** Searching and filtering homes (permissions: read-permissions.test.ts). */
let h: TestHarness;
let cookie: string;
const homes: Record<string, number> = {};

beforeAll(async () => {
  h = await startHarness();
  const complex = await buildComplex(h.ctx.db, { name: 'De Horst' });
  const add = async (key: string, fields: Parameters<typeof buildUnit>[1]) => {
    homes[key] = (await buildUnit(h.ctx.db, fields)).id;
  };
  await add('markt2', {
    street: 'Grote Markt',
    houseNumber: '2',
    postcode: '8011 LW',
    city: 'Zwolle',
    complexId: complex.id,
  });
  await add('markt10', {
    street: 'Grote Markt',
    houseNumber: '10',
    postcode: '8011 LW',
    city: 'Zwolle',
    complexId: complex.id,
  });
  await add('dorp', {
    street: 'Dorpsstraat',
    houseNumber: '5',
    postcode: '7411AA',
    city: 'Deventer',
    ownersAssociation: true,
  });
  cookie = (await signedInAs(h, 'admin')).cookie;
}, 60_000);
afterAll(async () => h?.close());

const list = async (query: string) => {
  const res = await h.app.inject({ method: 'GET', url: `/api/v1/units?${query}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((i: { id: number }) => i.id);
};

describe('GET /units', () => {
  it('lists homes by address, house number 2 before 10', async () => {
    expect(await list('')).toEqual([homes.dorp, homes.markt2, homes.markt10]);
  });

  it('finds homes by postcode written any way, by address and by city', async () => {
    expect(await list('q=8011lw')).toEqual([homes.markt2, homes.markt10]);
    expect(await list('q=7411 aa')).toEqual([homes.dorp]);
    expect(await list('q=markt 10')).toEqual([homes.markt10]);
    expect(await list('q=dorps')).toEqual([homes.dorp]);
    expect(await list('city=zwolle')).toEqual([homes.markt2, homes.markt10]);
  });

  it('counts an address search over all pages, also past the last one', async () => {
    const page = async (n: number) =>
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/v1/units?q=markt&pageSize=1&page=${n}`,
          headers: { cookie },
        })
      ).json();
    expect(await page(2)).toMatchObject({ items: [{ id: homes.markt10 }], total: 2 });
    expect(await page(5)).toMatchObject({ items: [], total: 2 });
    expect(await list('city=zwolle%25')).toEqual([]);
  });

  it('filters by complex and owners association', async () => {
    const complexId = (
      await h.app.inject({ method: 'GET', url: `/api/v1/units/${homes.markt2}`, headers: { cookie } })
    ).json().complex.id;
    expect(await list(`complexId=${complexId}`)).toEqual([homes.markt2, homes.markt10]);
    expect(await list('ownersAssociation=true')).toEqual([homes.dorp]);
    expect(await list('ownersAssociation=false')).toEqual([homes.markt2, homes.markt10]);
    const bad = await h.app.inject({
      method: 'GET',
      url: '/api/v1/units?ownersAssociation=yes',
      headers: { cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('querystring.ownersAssociation');
  });
});
