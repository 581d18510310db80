import { describe, expect, it } from 'vitest';
import type { GraphElements } from '../../main/contract/api';
import type { ChartNodeDto } from '../../main/contract/workspaceTypes';
import {
  endOfDay,
  localDay,
  periodOfWindow,
  SEVERAL_AGENCIES,
  startOfDay,
  timelineItems,
} from '../../renderer/src/features/timeline/timelineItems';
import { applyFilters, NO_FILTERS } from '../../renderer/src/graph/filters';
import { overviewToSlice } from '../../renderer/src/graph/fromOverview';

const node = (id: string, more: Partial<ChartNodeDto> = {}): ChartNodeDto => ({
  id,
  kind: 'record',
  label: id,
  agencies: ['POL'],
  records: 1,
  hub: false,
  properties: {},
  ...more,
});

describe('timelineItems', () => {
  it("puts a person's mentions in their agencies' rows and other nodes' dates in their own agency's", () => {
    const person = node('person:ana', {
      kind: 'person',
      label: 'Ana Popescu',
      agencies: ['NGO', 'POL'],
      dates: ['2024-03-07', '2023-11'],
      mentions: [
        { id: 'm1', name: 'Ana', role: 'victim', agency: 'NGO', record: 'r1', date: '2024-03-07' },
        { id: 'm2', name: 'ANA', role: 'witness', agency: 'POL', record: 'r2', date: '2023-11' },
        { id: 'm3', name: 'A. P.', role: null, agency: 'POL', record: 'r3', date: null },
      ],
    });
    const phone = node('phone:+447700900123', {
      kind: 'phone',
      label: '+447700900123',
      agencies: ['BORDER', 'POL'],
      dates: ['2022'],
    });
    const record = node('record:r9', { agencies: ['BORDER'], dates: ['2024-03-07', '2024-03-07', 'unknown'] });
    const undated = node('case:POL:1', { kind: 'case' });

    expect(timelineItems([person, phone, record, undated])).toEqual({
      items: [
        {
          id: `phone:+447700900123|${SEVERAL_AGENCIES}|2022`,
          node: 'phone:+447700900123',
          group: SEVERAL_AGENCIES,
          label: '+447700900123',
          date: '2022',
          first: '2022-01-01',
          last: '2022-12-31',
        },
        {
          id: 'person:ana|POL|2023-11',
          node: 'person:ana',
          group: 'POL',
          label: 'Ana Popescu',
          date: '2023-11',
          first: '2023-11-01',
          last: '2023-11-30',
        },
        {
          id: 'record:r9|BORDER|2024-03-07',
          node: 'record:r9',
          group: 'BORDER',
          label: 'record:r9',
          date: '2024-03-07',
          first: '2024-03-07',
          last: '2024-03-07',
        },
        {
          id: 'person:ana|NGO|2024-03-07',
          node: 'person:ana',
          group: 'NGO',
          label: 'Ana Popescu',
          date: '2024-03-07',
          first: '2024-03-07',
          last: '2024-03-07',
        },
      ],
      groups: ['BORDER', 'NGO', 'POL', SEVERAL_AGENCIES],
      leftOut: 0,
      undated: 1,
    });
  });

  it('counts the items past the limit instead of dropping them silently', () => {
    const nodes = Array.from({ length: 5 }, (_, i) => node(`record:${i}`, { dates: [`2024-01-0${i + 1}`] }));
    const data = timelineItems(nodes, 3);
    expect(data.items.map((item) => item.date)).toEqual(['2024-01-01', '2024-01-02', '2024-01-03']);
    expect(data.leftOut).toBe(2);
  });
});

describe('brushing', () => {
  it('reads a window back into the days it shows, whole or in part', () => {
    expect(periodOfWindow(startOfDay('2024-03-01'), endOfDay('2024-03-31'))).toEqual({
      from: '2024-03-01',
      to: '2024-03-31',
    });
    expect(periodOfWindow(new Date(2024, 2, 1, 12), new Date(2024, 2, 3, 6))).toEqual({
      from: '2024-03-01',
      to: '2024-03-03',
    });
    expect(localDay(endOfDay('2024-12-31'))).toBe('2025-01-01');
  });
});

describe('the overview on the timeline', () => {
  it("puts the overview's records on the timeline by their event date, and grades them for the filter", () => {
    const overview: GraphElements = {
      nodes: [
        {
          group: 'nodes',
          data: {
            id: 'e1',
            kind: 'Record',
            label: 'NGO Tips row 4',
            properties: {
              id: 'r1',
              agency: 'NGO',
              eventDate: '2024-03-07',
              sourceEvaluation: 'B',
              informationAssessment: '2',
              fileName: 'tips.xlsx',
            },
          },
        },
      ],
      edges: [],
      truncated: false,
    };
    const { nodes } = overviewToSlice(overview);
    expect(timelineItems(nodes).items).toMatchObject([{ group: 'NGO', date: '2024-03-07' }]);
    expect(applyFilters(nodes, [], { ...NO_FILTERS, gradings: ['B2'] }).nodesBy.grading).toBe(1);
  });
});
