import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AgencyBadges } from '../search/AgencyBadges';
import { KIND_WORDS, plural } from '../search/words';
import { SourceLine } from './SourceLine';
import '../search/workspace.css';

/**
 * What the one selected node or edge is, and where every fact about it comes from: each property
 * with its sources, which agencies know it, a person's mentions; for an edge, the evidence behind it.
 */
export function DetailsPanel() {
  const store = useAppStoreApi();
  const selection = useAppStore((s) => s.chartSelection);
  const chart = useAppStore((s) => s.chart);
  const detailsFor = useAppStore((s) => s.detailsFor);
  const details = useAppStore((s) => s.nodeDetails);
  const evidence = useAppStore((s) => s.edgeEvidence);
  const loading = useAppStore((s) => s.detailsLoading);
  const error = useAppStore((s) => s.detailsError);
  const one =
    selection.length === 1 && (selection[0]! in chart.nodes || selection[0]! in chart.edges) ? selection[0]! : null;

  useEffect(() => {
    if (one !== store.getState().detailsFor) void store.getState().loadDetails(one);
  }, [one, store]);

  if (selection.length > 1) {
    return (
      <p className="panel-note">
        {plural(selection.length, 'element', 'elements')} selected. Select one to see its details.
      </p>
    );
  }
  if (one === null || detailsFor !== one) {
    return (
      <p className="panel-note">
        Select a node or a link on the chart (or in the list under it) to see where it comes from.
      </p>
    );
  }
  if (loading) return <p className="panel-note">Reading the sources…</p>;
  if (error) return <ErrorNotice error={error} testId="details-error" />;

  if (evidence) {
    const edge = chart.edges[one];
    return (
      <div className="details" data-testid="edge-details">
        <p className="details-title">
          {chart.nodes[evidence.source]?.label ?? evidence.source} —{' '}
          {chart.nodes[evidence.target]?.label ?? evidence.target}
        </p>
        {edge && <AgencyBadges agencies={edge.agencies} />}
        {evidence.facts.length === 0 && <p className="panel-note">No fact in the graph asserts this link any more.</p>}
        <ol className="details-facts">
          {evidence.facts.map((fact, i) => (
            <li key={i} data-testid="edge-fact">
              <p className="details-statement">{fact.statement}</p>
              {fact.match && (
                <p className="panel-note">
                  Match {fact.match.status}
                  {fact.match.score !== null && `, score ${fact.match.score.toFixed(2)}`}
                  {fact.match.decidedBy && `, decided by ${fact.match.decidedBy}`}
                  {fact.match.reasons.length > 0 && `: ${fact.match.reasons.join('; ')}`}
                </p>
              )}
              {fact.sources.map((source, j) => (
                <SourceLine key={j} source={source} />
              ))}
            </li>
          ))}
        </ol>
        {evidence.notes.map((note) => (
          <p key={note} className="panel-note">
            {note}
          </p>
        ))}
      </div>
    );
  }

  if (!details) return null;
  const { node } = details;
  return (
    <div className="details" data-testid="node-details">
      <p className="details-title">
        {node.label}
        <span className="muted"> · {KIND_WORDS[node.kind][0]}</span>
        {node.hub && <span className="badge badge-proposed">hub</span>}
        {node.unconfirmed && <span className="badge badge-proposed">unconfirmed match</span>}
      </p>
      <p className="panel-note">
        {plural(node.records, 'record', 'records')} · <span className="mono">{node.id}</span>
      </p>

      <h3>Properties</h3>
      {details.properties.length === 0 && <p className="panel-note">No properties beyond the name.</p>}
      <dl className="details-properties">
        {details.properties.map((property, i) => (
          <div key={`${property.name}-${i}`} className="details-property" data-testid="details-property">
            <dt>{property.name}</dt>
            <dd>
              <span className="details-value">{property.value}</span>
              {property.sources.map((source, j) => (
                <SourceLine key={j} source={source} />
              ))}
            </dd>
          </div>
        ))}
      </dl>

      <h3>Which agencies know this</h3>
      <ul className="details-agencies" data-testid="details-agencies">
        {details.agencies.map((known) => (
          <li key={known.agency}>
            <span className="agency-badge">{known.agency}</span> {plural(known.records.length, 'record', 'records')}
            {known.records.slice(0, 5).map((source, j) => (
              <SourceLine key={j} source={source} agency={false} />
            ))}
            {known.records.length > 5 && <p className="panel-note">and {known.records.length - 5} more</p>}
          </li>
        ))}
      </ul>

      {node.mentions && node.mentions.length > 0 && (
        <>
          <h3>Mentions</h3>
          <ul className="details-mentions" data-testid="details-mentions">
            {node.mentions.map((mention) => (
              <li key={mention.id}>
                <span className="agency-badge">{mention.agency}</span> {mention.name ?? 'unnamed'}
                {mention.role && <span className="muted"> · {mention.role}</span>}
                {mention.date && <span className="muted"> · {mention.date}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
