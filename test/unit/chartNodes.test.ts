import { describe, expect, it } from 'vitest';
import { nodeRef, parseNodeRef } from '../../main/contract/workspaceTypes';
import { EdgeSet, parseEdgeId } from '../../main/services/workspace/chartEdges';
import { partyChartNode, refOfNode, refParams, toChartNode } from '../../main/services/workspace/chartNodes';
import { neighbourOrder, typesFor } from '../../main/services/workspace/expandService';

const mention = (id: string, name: string, agency: string, date: string | null) => ({
  id,
  labels: ['Person', 'Party'],
  properties: { id, name, agency, role: 'suspect', birthDate: '1980-03-01', raw: 'never shown', entity: 'suspect' },
  elementId: `e-${id}`,
  records: [{ id: `r-${id}`, agency, eventDate: date, role: 'suspect' }],
});

describe('chart node references', () => {
  it('reads each kind from its graph keys and back into one static parameter list per label', () => {
    const refs = [
      refOfNode(['Phone'], { e164: '+447700900123', display: '+44 7700 900123' }),
      refOfNode(['Document'], { kind: 'passport', country: 'RO', number: '05:12' }),
      refOfNode(['Case'], { agency: 'CITY-POL', ref: 'POL/2024:7' }),
      refOfNode(['Person', 'Party'], { id: 'abc:suspect' }),
      refOfNode(['AuditEvent'], { id: 'x' }),
    ];
    expect(refs).toEqual([
      'phone:%2B447700900123',
      'document:passport:RO:05%3A12',
      'case:CITY-POL:POL%2F2024%3A7',
      'person:abc%3Asuspect',
      null,
    ]);
    expect(parseNodeRef(refs[1] as string)).toEqual({ kind: 'document', parts: ['passport', 'RO', '05:12'] });
    const params = refParams([...refs.filter((r): r is string => r !== null), 'phone:%2B447700900123', 'nonsense']);
    expect(params).toEqual({
      parties: ['abc:suspect'],
      records: [],
      cases: [{ agency: 'CITY-POL', ref: 'POL/2024:7' }],
      identifiers: {
        phones: [{ e164: '+447700900123' }],
        emails: [],
        addresses: [],
        accounts: [],
        handles: [],
        documents: [{ kind: 'passport', country: 'RO', number: '05:12' }],
        vehicles: [],
      },
    });
  });

  it('draws a person once for its mentions, under the smallest mention id, with no raw cells', () => {
    const node = partyChartNode([
      mention('b:suspect', 'POPESCU Ion', 'BORDER', '2024-03-03'),
      mention('a:suspect', 'Ion Popescu', 'CITY-POL', '2024-01-05'),
    ]);
    expect(node).toEqual({
      id: nodeRef('person', ['a:suspect']),
      kind: 'person',
      label: 'Ion Popescu',
      agencies: ['BORDER', 'CITY-POL'],
      records: 2,
      hub: false,
      mentions: [
        {
          id: 'a:suspect',
          name: 'Ion Popescu',
          role: 'suspect',
          agency: 'CITY-POL',
          record: 'r-a:suspect',
          date: '2024-01-05',
        },
        {
          id: 'b:suspect',
          name: 'POPESCU Ion',
          role: 'suspect',
          agency: 'BORDER',
          record: 'r-b:suspect',
          date: '2024-03-03',
        },
      ],
      roles: ['suspect'],
      dates: ['2024-01-05', '2024-03-03'],
      properties: { name: 'Ion Popescu', birthDate: '1980-03-01' },
    });
    expect(partyChartNode([mention('a:suspect', 'Ion', 'NGO', null)], true).unconfirmed).toBe(true);
    expect(
      toChartNode({
        labels: ['Record'],
        properties: { id: 'r1', agency: 'NGO', sheet: 'Calls', row: 7, caseRef: 'N-1', raw: '[]' },
        records: 1,
        agencies: ['NGO'],
        dates: ['2024-03-10'],
      }),
    ).toEqual({
      id: 'record:r1',
      kind: 'record',
      label: 'N-1 (NGO Calls row 7)',
      agencies: ['NGO'],
      records: 1,
      hub: false,
      dates: ['2024-03-10'],
      properties: { agency: 'NGO', caseRef: 'N-1', id: 'r1', row: 7, sheet: 'Calls' },
    });
  });
});

describe('chart edges', () => {
  it('merges assertions of one edge, draws undirected kinds one way round, and reads ids back', () => {
    const set = new EdgeSet();
    set.add('shares', 'person:b', 'person:a', { record: 'r2', agency: 'NGO', via: 'phone:%2B1' });
    set.add('shares', 'person:a', 'person:b', { record: 'r1', agency: 'BORDER', via: 'email:x' });
    set.add('mentions', 'record:r1', 'person:a', { record: 'r1', agency: 'BORDER', role: 'victim' });
    expect(set.add('phone', 'person:a', 'person:a', {})).toBeNull();
    expect(set.list()).toEqual([
      {
        id: 'mentions|record:r1|person:a|victim',
        source: 'record:r1',
        target: 'person:a',
        kind: 'mentions',
        role: 'victim',
        agencies: ['BORDER'],
        records: ['r1'],
      },
      {
        id: 'shares|person:a|person:b',
        source: 'person:a',
        target: 'person:b',
        kind: 'shares',
        agencies: ['BORDER', 'NGO'],
        records: ['r1', 'r2'],
        via: ['email:x', 'phone:%2B1'],
      },
    ]);
    expect(parseEdgeId('mentions|record:r1|person:a|victim')).toEqual({
      kind: 'mentions',
      source: 'record:r1',
      target: 'person:a',
      role: 'victim',
    });
    expect(parseEdgeId('MATCH (n) DELETE n')).toBeNull();
  });

  it('maps edge kinds to relationship types from a fixed list, and orders neighbours by kind, records, reference', () => {
    expect(typesFor([])).toEqual([]);
    expect(typesFor(['phone', 'mentions'])).toEqual(['HAS_PHONE', 'MENTIONS']);
    expect(typesFor(['same-as'])).toBeNull();
    const node = (id: string, kind: 'person' | 'phone', records: number) =>
      ({ id, kind, records, label: id, agencies: [], hub: false, properties: {} }) as const;
    const sorted = [
      node('phone:1', 'phone', 9),
      node('person:b', 'person', 1),
      node('person:a', 'person', 1),
      node('person:c', 'person', 3),
    ]
      .map((n) => ({ ...n, agencies: [...n.agencies], properties: { ...n.properties } }))
      .sort(neighbourOrder)
      .map((n) => n.id);
    expect(sorted).toEqual(['person:c', 'person:a', 'person:b', 'phone:1']);
  });
});
