import { useId, useMemo } from 'react';
import type { ChartNodeKind } from '../../../../main/contract/workspaceTypes';
import { describeHidden, filterOptions, filtersActive, UNGRADED, type FilterOption } from '../../graph/filters';
import { selectFilterResult, useAppStore } from '../../store';
import { countOf, formatNumber } from '../../ui/format';
import '../analysis/chartTools.css';

const KIND_WORDS: Record<ChartNodeKind, string> = {
  person: 'Persons',
  organization: 'Organisations',
  case: 'Cases',
  record: 'Records',
  phone: 'Phones',
  email: 'E-mails',
  address: 'Addresses',
  account: 'Accounts',
  handle: 'Handles',
  document: 'Documents',
  vehicle: 'Vehicles',
};

/** A list of checkboxes, one per value on the chart: ticked values are shown. */
function ValueChecks<T extends string>({
  legend,
  options,
  leftOut,
  wordFor = (value) => value,
  onChange,
}: {
  legend: string;
  options: FilterOption<T>[];
  leftOut: readonly T[];
  wordFor?: (value: T) => string;
  onChange(leftOut: T[]): void;
}) {
  if (options.length === 0) return null;
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {options.map(({ value, count }) => (
        <label key={value} className="filter-check">
          <input
            type="checkbox"
            checked={!leftOut.includes(value)}
            onChange={(event) =>
              onChange(event.target.checked ? leftOut.filter((v) => v !== value) : [...leftOut, value])
            }
          />
          <span>{wordFor(value)}</span>
          <span className="legend-count">{formatNumber(count)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Filters that act on the chart. Every value offered is one the chart holds, with how many nodes
 * carry it; what the filters hide is counted above them, so nothing leaves the chart silently.
 */
export function FiltersPanel() {
  const nodes = useAppStore((state) => state.chart.nodes);
  const edges = useAppStore((state) => state.chart.edges);
  const filters = useAppStore((state) => state.chartFilters);
  const result = useAppStore(selectFilterResult);
  const setFilters = useAppStore((state) => state.setChartFilters);
  const clearFilters = useAppStore((state) => state.clearChartFilters);
  const options = useMemo(() => filterOptions(Object.values(nodes), Object.values(edges)), [nodes, edges]);
  const hidden = describeHidden(result);
  const id = useId();
  const gradings = options.gradings.length > 1 || options.gradings[0]?.value !== UNGRADED ? options.gradings : [];

  return (
    <section className="panel-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Filters</h2>
      <p className="panel-summary filter-summary" data-testid="filter-summary" role="status">
        {hidden ?? 'Nothing hidden by filters.'}
      </p>
      {result.undatedKept > 0 && (
        <p className="panel-note">{countOf(result.undatedKept, 'node has', 'nodes have')} no date and stay shown.</p>
      )}
      <button
        type="button"
        className="button-secondary button-small"
        disabled={!filtersActive(filters)}
        onClick={clearFilters}
      >
        Show everything
      </button>

      <ValueChecks
        legend="Agencies"
        options={options.agencies}
        leftOut={filters.agencies}
        onChange={(agencies) => setFilters({ agencies })}
      />
      <ValueChecks
        legend="Kinds"
        options={options.kinds}
        leftOut={filters.kinds}
        wordFor={(kind) => KIND_WORDS[kind]}
        onChange={(kinds) => setFilters({ kinds })}
      />
      <ValueChecks
        legend="Roles"
        options={options.roles}
        leftOut={filters.roles}
        onChange={(roles) => setFilters({ roles })}
      />
      <ValueChecks
        legend="Grading"
        options={gradings}
        leftOut={filters.gradings}
        wordFor={(grading) => (grading === UNGRADED ? 'Not graded' : grading)}
        onChange={(gradings) => setFilters({ gradings })}
      />

      <fieldset className="filter-group">
        <legend>Period</legend>
        <div className="filter-dates">
          <label>
            From
            <input
              type="date"
              value={filters.dates.from ?? ''}
              min={options.period?.first}
              max={options.period?.last}
              onChange={(event) => setFilters({ dates: { ...filters.dates, from: event.target.value || null } })}
            />
          </label>
          <label>
            To
            <input
              type="date"
              value={filters.dates.to ?? ''}
              min={options.period?.first}
              max={options.period?.last}
              onChange={(event) => setFilters({ dates: { ...filters.dates, to: event.target.value || null } })}
            />
          </label>
        </div>
        {options.period && (
          <p className="panel-note">
            Records on the chart run from {options.period.first} to {options.period.last}.
          </p>
        )}
      </fieldset>

      <fieldset className="filter-group">
        <legend>Match status</legend>
        <label className="filter-check">
          <input
            type="checkbox"
            checked={filters.confirmedPersons}
            onChange={(event) => setFilters({ confirmedPersons: event.target.checked })}
          />
          <span>Confirmed persons</span>
          <span className="legend-count">{formatNumber(options.persons.confirmed)}</span>
        </label>
        <label className="filter-check">
          <input
            type="checkbox"
            checked={filters.unconfirmedPersons}
            onChange={(event) => setFilters({ unconfirmedPersons: event.target.checked })}
          />
          <span>Persons joined by open candidates</span>
          <span className="legend-count">{formatNumber(options.persons.unconfirmed)}</span>
        </label>
        <label className="filter-check">
          <input
            type="checkbox"
            checked={filters.openCandidates}
            onChange={(event) => setFilters({ openCandidates: event.target.checked })}
          />
          <span>Open same-person candidates (links)</span>
          <span className="legend-count">{formatNumber(options.openCandidates)}</span>
        </label>
      </fieldset>
    </section>
  );
}
