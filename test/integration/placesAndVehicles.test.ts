import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaselinkApi, Result } from '../../main/contract/api';
import { nodeRef } from '../../main/contract/workspaceTypes';
import { parseProfile, type ProfileInput } from '../../main/core/profile';
import { upsertAgency } from '../../main/services/agencyService';
import { listIdentifiers } from '../../main/services/identifierService';
import { importFile } from '../../main/services/import/importFile';
import { openTestServices, type TestServices } from '../support/services';
import { GRADING, writeWorkbook } from '../support/sheets';

/**
 * A housing inspection: each row a rented place (street, house number, flat, postcode, town) with
 * its landlord, and the landlord's car with the country it is registered in.
 */
const PROFILE: ProfileInput = {
  version: 1,
  agency: 'NL-LABOUR',
  name: 'Housing inspections',
  country: 'NL',
  dateOrder: 'DMY',
  grading: { ...GRADING },
  entities: {
    place: { kind: 'organization', role: 'venue' },
    landlord: { kind: 'person', role: 'landlord' },
  },
  columns: [
    { column: 'Dossier', entity: 'record', field: 'caseRef' },
    { column: 'Straat', entity: 'place', field: 'addressStreet' },
    { column: 'Huisnr', entity: 'place', field: 'addressHouseNumber' },
    { column: 'Toev.', entity: 'place', field: 'addressFlat' },
    { column: 'Postcode', entity: 'place', field: 'addressPostcode' },
    { column: 'Plaats', entity: 'place', field: 'addressCity' },
    { column: 'Verhuurder', entity: 'landlord', field: 'fullName' },
    { column: 'Kenteken', entity: 'landlord', field: 'vehiclePlate' },
    { column: 'Land kenteken', entity: 'landlord', field: 'vehicleCountry' },
  ],
};

const ROWS = [
  ['Dossier', 'Straat', 'Huisnr', 'Toev.', 'Postcode', 'Plaats', 'Verhuurder', 'Kenteken', 'Land kenteken'],
  ['GEM-2024-044', 'Vaartweg', '88', 'A', '2525 AB', 'Den Haag', 'Hasan Yilmaz', 'B 77 XYZ', 'Roemenië'],
  // The same building, another flat: another address.
  ['GEM-2024-045', 'Vaartweg', '88', 'B', '2525 AB', 'Den Haag', 'Hasan Yilmaz', 'B 77 XYZ', 'RO'],
];

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('a place with its flat, as a party of its own, and a vehicle with its country of registration', () => {
  let services: TestServices;
  let api: CaselinkApi;
  let dir: string;

  beforeAll(async () => {
    services = await openTestServices();
    api = services.api;
    dir = await mkdtemp(join(tmpdir(), 'caselink-places-'));
    await upsertAgency(services.db, { code: 'NL-LABOUR', name: 'Labour inspectorate', country: 'NL' });
    const path = join(dir, 'huisvesting.xlsx');
    await writeWorkbook(path, [{ name: 'Huisvesting', rows: ROWS }]);
    const summary = await importFile(services.db, {
      path,
      agency: 'NL-LABOUR',
      profile: parseProfile(PROFILE),
      profileSource: 'test',
      reportDir: join(dir, 'reports'),
      cardHash: (pan) => `h${pan.length}`,
    });
    expect(summary).toMatchObject({ rowsImported: 2, rowsWithWarnings: 0 });
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** The place's addresses as the graph keys and shows them (keys by the identifier rules of the import). */
  const addresses = async () =>
    (await listIdentifiers(services.db))
      .filter((i) => i.label === 'Address' && i.agencies.includes('NL-LABOUR'))
      .map((a) => ({ key: a.key, display: a.display }))
      .sort((a, b) => a.key.localeCompare(b.key));

  it('keeps the flat in the address: in its key, so two flats of one building are two addresses, and in its display', async () => {
    const found = await addresses();
    expect(found.map((a) => [a.key.includes('|flat a|'), a.key.includes('|flat b|'), a.display])).toEqual([
      [true, false, 'Flat A, Vaartweg 88, Den Haag, 2525 AB'],
      [false, true, 'Flat B, Vaartweg 88, Den Haag, 2525 AB'],
    ]);
    // Each address is traced to its row and column, with the text it was read from.
    const details = value(await api.getNodeDetails({ node: nodeRef('address', [found[0]?.key ?? '']) }));
    expect(details.properties.map((p) => [p.name, p.sources.map((s) => [s.agency, s.row, s.column, s.raw])])).toEqual([
      ['address', [['NL-LABOUR', 2, 'Straat', 'Flat A, Vaartweg 88, Den Haag, 2525 AB']]],
    ]);
  });

  it('gives the address to the place, a party with the role venue', async () => {
    const [flatA] = await addresses();
    const slice = value(
      await api.expandNodes({ nodes: [nodeRef('address', [flatA?.key ?? ''])], identifiers: 'nodes' }),
    );
    const parties = slice.nodes.filter((n) => n.kind === 'organization' || n.kind === 'person');
    expect(parties.map((n) => [n.kind, n.roles])).toEqual([['organization', ['venue']]]);
  });

  it('registers the vehicle in the country the column names, in any language the import reads', async () => {
    const vehicles = (await listIdentifiers(services.db)).filter(
      (i) => i.label === 'Vehicle' && i.agencies.includes('NL-LABOUR'),
    );
    expect(vehicles.map((v) => [v.country, v.key, v.records])).toEqual([['RO', expect.stringContaining('B77XYZ'), 2]]);
    const details = value(await api.getNodeDetails({ node: nodeRef('vehicle', ['RO', vehicles[0]?.key ?? '']) }));
    expect(details.properties.flatMap((p) => p.sources.map((s) => [s.row, s.column, s.raw])).sort()).toEqual([
      [2, 'Kenteken', 'B 77 XYZ'],
      [3, 'Kenteken', 'B 77 XYZ'],
    ]);
  });
});
