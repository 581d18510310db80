import { describe, expect, it } from 'vitest';
import type { ChartEdgeDto, ChartNodeDto } from '../../main/contract/workspaceTypes';
import {
  applyFilters,
  dateInRange,
  describeHidden,
  filterOptions,
  filtersActive,
  NO_FILTERS,
  type ChartFilters,
} from '../../renderer/src/graph/filters';

const node = (id: string, more: Partial<ChartNodeDto> = {}): ChartNodeDto => ({
  id,
  kind: 'person',
  label: id,
  agencies: ['POL'],
  records: 1,
  hub: false,
  properties: {},
  ...more,
});
const edge = (source: string, target: string, more: Partial<ChartEdgeDto> = {}): ChartEdgeDto => ({
  id: `${more.kind ?? 'phone'}|${source}|${target}`,
  source,
  target,
  kind: 'phone',
  agencies: ['POL'],
  records: [],
  ...more,
});
const filters = (more: Partial<ChartFilters>): ChartFilters => ({ ...NO_FILTERS, ...more });

// A small chart across three agencies: two suspects the police and the NGO know, a victim only
// the NGO knows, a phone the border force saw, and an unconfirmed person joined by a candidate.
const nodes: ChartNodeDto[] = [
  node('person:ana', { agencies: ['NGO', 'POL'], roles: ['suspect'], dates: ['2024-03-07'] }),
  node('person:ion', { agencies: ['POL'], roles: ['suspect'], dates: ['2023'] }),
  node('person:eva', {
    agencies: ['NGO'],
    roles: ['victim'],
    mentions: [{ id: 'm1', name: 'Eva', role: 'victim', agency: 'NGO', record: 'r1', date: '2024-05' }],
  }),
  node('phone:+447700900123', { kind: 'phone', agencies: ['BORDER'], dates: ['2022-11-30'] }),
  node('person:dan', { agencies: ['BORDER'], unconfirmed: true, properties: { grading: 'E5' } }),
];
const edges: ChartEdgeDto[] = [
  edge('person:ana', 'phone:+447700900123', { agencies: ['BORDER'] }),
  edge('person:ion', 'phone:+447700900123', { agencies: ['POL'] }),
  edge('person:ana', 'person:eva', { kind: 'shares', agencies: ['NGO'] }),
  edge('person:ana', 'person:dan', { kind: 'same-as', agencies: ['BORDER', 'POL'], score: 0.91 }),
  edge('person:eva', 'case:not-on-chart', { kind: 'about' }),
];

describe('applyFilters', () => {
  it('hides nothing without filters, and never draws an edge whose end is not on the chart', () => {
    const result = applyFilters(nodes, edges, NO_FILTERS);
    expect(result.visibleNodes.size).toBe(5);
    expect([...result.visibleEdges]).not.toContain('about|person:eva|case:not-on-chart');
    expect(result.visibleEdges.size).toBe(4);
    expect(result.hiddenNodes + result.hiddenEdges).toBe(0);
    expect(describeHidden(result)).toBeNull();
    expect(filtersActive(NO_FILTERS)).toBe(false);
  });

  it('hides what only a left-out agency asserts, and the edges of hidden nodes, counting each', () => {
    const result = applyFilters(nodes, edges, filters({ agencies: ['BORDER'] }));
    // Ana stays: the police know her too. The phone and Dan go.
    expect([...result.visibleNodes].sort()).toEqual(['person:ana', 'person:eva', 'person:ion']);
    expect([...result.visibleEdges]).toEqual(['shares|person:ana|person:eva']);
    expect(result.nodesBy).toMatchObject({ agency: 2 });
    expect(result.edgesBy).toMatchObject({ end: 3 });
    expect(describeHidden(result)).toBe(
      '2 nodes hidden by filters: 2 by agency; 3 edges hidden by filters: 3 with a hidden end',
    );
  });

  it('counts hidden nodes by the first filter that hides them, so the counts add up', () => {
    const result = applyFilters(
      nodes,
      edges,
      filters({ kinds: ['phone'], roles: ['victim'], dates: { from: '2024-01-01', to: '2024-12-31' } }),
    );
    expect([...result.visibleNodes].sort()).toEqual(['person:ana', 'person:dan']);
    expect(result.nodesBy).toEqual({ kind: 1, agency: 0, role: 1, grading: 0, date: 1, match: 0, end: 0 });
    expect(result.hiddenNodes).toBe(3);
    // Dan has no date: he stays, and the panel says so.
    expect(result.undatedKept).toBe(1);
    expect(describeHidden(result)).toBe(
      '3 nodes hidden by filters: 1 by kind, 1 by role, 1 by date; 3 edges hidden by filters: 3 with a hidden end',
    );
  });

  it('reads a person’s dates from its mentions too', () => {
    const result = applyFilters(nodes, edges, filters({ dates: { from: '2024-05-20', to: null } }));
    expect([...result.visibleNodes].sort()).toEqual(['person:dan', 'person:eva']);
  });

  it('hides unconfirmed persons, open candidates and gradings on request', () => {
    const unconfirmed = applyFilters(nodes, edges, filters({ unconfirmedPersons: false }));
    expect(unconfirmed.visibleNodes.has('person:dan')).toBe(false);
    expect(unconfirmed.nodesBy.match).toBe(1);

    const candidates = applyFilters(nodes, edges, filters({ openCandidates: false }));
    expect(candidates.visibleNodes.size).toBe(5);
    expect(candidates.visibleEdges.has('same-as|person:ana|person:dan')).toBe(false);
    expect(describeHidden(candidates)).toBe('1 edge hidden by filters: 1 by match status');

    const confirmed = applyFilters(nodes, edges, filters({ confirmedPersons: false }));
    expect([...confirmed.visibleNodes].sort()).toEqual(['person:dan', 'phone:+447700900123']);

    const graded = applyFilters(nodes, edges, filters({ gradings: ['E5'] }));
    expect(graded.nodesBy.grading).toBe(1);
    expect(graded.visibleNodes.has('person:dan')).toBe(false);

    // A record carries its grading as the import wrote it: source evaluation, information assessment.
    const record = node('record:r1', {
      kind: 'record',
      properties: { sourceEvaluation: '3', informationAssessment: 'E', handlingCode: 'P' },
    });
    const byRecordGrading = applyFilters([record], [], filters({ gradings: ['3E'] }));
    expect(byRecordGrading.visibleNodes.size).toBe(0);
    expect(describeHidden(byRecordGrading)).toBe('1 node hidden by filters: 1 by grading');
  });

  it('hides a mention in a left-out role, and an edge only a left-out agency asserts', () => {
    const chart = [node('record:r1', { kind: 'record', agencies: ['NGO'] }), node('person:eva', { agencies: ['NGO'] })];
    const links = [
      edge('record:r1', 'person:eva', { kind: 'mentions', role: 'witness', agencies: ['NGO'] }),
      edge('record:r1', 'person:eva', { kind: 'shares', agencies: ['POL'] }),
    ];
    const result = applyFilters(chart, links, filters({ roles: ['witness'], agencies: ['POL'] }));
    expect(result.visibleNodes.size).toBe(2);
    expect(result.visibleEdges.size).toBe(0);
    expect(result.edgesBy).toMatchObject({ role: 1, agency: 1 });
  });
});

describe('dates and options', () => {
  it('reads a year or a month as the whole period it names', () => {
    expect(dateInRange('2024', { from: '2024-12-31', to: null })).toBe(true);
    expect(dateInRange('2024-02', { from: '2024-02-29', to: '2024-03-15' })).toBe(true);
    expect(dateInRange('2023-02', { from: '2023-03-01', to: null })).toBe(false);
    expect(dateInRange('not a date', { from: null, to: null })).toBe(false);
  });

  it('offers the values on the chart with their counts', () => {
    expect(filterOptions(nodes, edges)).toEqual({
      agencies: [
        { value: 'BORDER', count: 2 },
        { value: 'NGO', count: 2 },
        { value: 'POL', count: 2 },
      ],
      kinds: [
        { value: 'person', count: 4 },
        { value: 'phone', count: 1 },
      ],
      roles: [
        { value: 'suspect', count: 2 },
        { value: 'victim', count: 1 },
      ],
      gradings: [
        { value: 'E5', count: 1 },
        { value: 'ungraded', count: 4 },
      ],
      period: { first: '2022-11-30', last: '2024-05-31' },
      persons: { confirmed: 3, unconfirmed: 1 },
      openCandidates: 1,
    });
  });
});
