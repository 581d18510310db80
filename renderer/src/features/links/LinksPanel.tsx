import { useEffect, useId } from 'react';
import type { LinkSideDto, SharedIdentifierDto } from '../../../../main/contract/api';
import { styleOfKind } from '../../graph';
import { chosenSidesOf, IDENTIFIER_KINDS, LINK_LIST_LIMIT, linkKey, sideKey, useAppStore } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { countOf, formatNumber, formatSeconds } from '../../ui/format';

/** Where a side stands in its agency's files: `file › sheet › row n`. */
export function whereOf(side: Pick<LinkSideDto, 'fileName' | 'sheet' | 'row'>): string {
  return `${side.fileName} › ${side.sheet} › row ${side.row}`;
}

/**
 * The left panel's link finding: resolution on demand, and the identifiers that records of two or
 * more agencies share, each opening onto the rows that assert it.
 */
export function LinksPanel() {
  const connected = useAppStore((state) => state.connection.state === 'connected');
  const nodeCount = useAppStore((state) =>
    state.connection.state === 'connected' ? state.connection.status.nodeCount : null,
  );
  const links = useAppStore((state) => state.sharedLinks);
  const loading = useAppStore((state) => state.linksLoading);
  const error = useAppStore((state) => state.linksError);
  const kinds = useAppStore((state) => state.linkKinds);
  const agency = useAppStore((state) => state.linkAgency);
  const agencies = useAppStore((state) => state.agencies);
  const expanded = useAppStore((state) => state.expandedLink);
  const load = useAppStore((state) => state.loadSharedLinks);
  const loadAgencies = useAppStore((state) => state.loadAgencies);
  const toggleKind = useAppStore((state) => state.toggleLinkKind);
  const setAgency = useAppStore((state) => state.setLinkAgency);
  const toggleExpanded = useAppStore((state) => state.toggleLinkExpanded);
  const id = useId();

  // Again whenever the graph changes size: an import, or a resolution that flagged new hubs.
  useEffect(() => {
    if (nodeCount === null) return;
    void load();
    void loadAgencies();
  }, [nodeCount, load, loadAgencies]);

  return (
    <section className="panel-section links-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        Cross-agency links
        {links && (
          <span className="heading-count" data-testid="links-count">
            {formatNumber(links.length)}
            {links.length >= LINK_LIST_LIMIT && '+'}
          </span>
        )}
      </h2>
      <ResolveControl />
      <div className="chip-filter" role="group" aria-label="Kinds of identifier">
        {IDENTIFIER_KINDS.map(({ kind, label }) => {
          const on = kinds.includes(kind);
          const style = styleOfKind(label);
          return (
            <button
              key={kind}
              type="button"
              className={`filter-chip${on ? ' filter-chip-on' : ''}`}
              aria-pressed={on}
              onClick={() => toggleKind(kind)}
            >
              <span className="chip-dot" style={{ background: style.fill, borderColor: style.border }} />
              {style.title}
            </button>
          );
        })}
      </div>
      <label className="links-agency">
        <span>Agency</span>
        <select value={agency ?? ''} onChange={(event) => setAgency(event.target.value || null)}>
          <option value="">Any agency</option>
          {agencies?.map((a) => (
            <option key={a.code} value={a.code}>
              {a.code}
            </option>
          ))}
        </select>
      </label>
      {error && <ErrorNotice error={error} testId="links-error" />}
      {links === null && !error && <p className="panel-note">{connected ? 'Loading…' : 'Not connected.'}</p>}
      {links !== null && links.length === 0 && (
        <p className="panel-note">
          {kinds.length > 0 || agency
            ? 'No shared identifiers with these filters.'
            : 'No identifier is shared by two agencies yet. Import more agencies’ files, then resolve.'}
        </p>
      )}
      {links !== null && links.length > 0 && (
        <ul className={`link-list${loading ? ' link-list-loading' : ''}`} aria-label="Shared identifiers">
          {links.map((link) => (
            <LinkItem
              key={linkKey(link)}
              link={link}
              open={expanded === linkKey(link)}
              onToggle={() => toggleExpanded(linkKey(link))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function LinkItem({ link, open, onToggle }: { link: SharedIdentifierDto; open: boolean; onToggle(): void }) {
  const style = styleOfKind(link.label);
  const id = useId();
  return (
    <li className={`link-item${open ? ' link-item-open' : ''}`} data-testid="link-item">
      <button
        type="button"
        className="link-head"
        aria-expanded={open}
        aria-controls={`${id}-sides`}
        onClick={onToggle}
        title={`${style.title} ${link.display}: ${countOf(link.sides.length, 'row', 'rows')} in ${link.agencies.join(', ')}`}
      >
        <span className="link-caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="chip-dot" style={{ background: style.fill, borderColor: style.border }} aria-hidden="true" />
        <span className="link-display" data-testid="link-display">
          {link.display}
        </span>
        <span className="link-kind">{style.title}</span>
        <span className="link-agencies" data-testid="link-agencies">
          {link.agencies.map((a) => (
            <span key={a} className="agency-tag">
              {a}
            </span>
          ))}
        </span>
      </button>
      {open && <LinkSides link={link} id={`${id}-sides`} />}
    </li>
  );
}

function LinkSides({ link, id }: { link: SharedIdentifierDto; id: string }) {
  const chosen = useAppStore((state) => state.chosenSides);
  const toggleSide = useAppStore((state) => state.toggleLinkSide);
  const explain = useAppStore((state) => state.explainChosenSides);
  const explaining = useAppStore((state) => state.explainLoading);
  const chosenSides = chosenSidesOf({ sharedLinks: [link], expandedLink: linkKey(link), chosenSides: chosen });
  const [a, b] = chosenSides;
  const ready = a !== undefined && b !== undefined && a.agency !== b.agency;

  return (
    <div className="link-sides" id={id}>
      <ul aria-label={`Rows asserting ${link.display}`}>
        {link.sides.map((side) => {
          const key = sideKey(side);
          return (
            <li key={key} className="link-side" data-testid="link-side">
              <label>
                <input type="checkbox" checked={chosen.includes(key)} onChange={() => toggleSide(key)} />
                <span className="link-side-body">
                  <span className="link-side-line">
                    <span className="agency-tag">{side.agency}</span> <span className="side-owner">{side.owner}</span>
                  </span>
                  <span className="link-side-line muted" title={`${whereOf(side)} · column ${side.column}`}>
                    {whereOf(side)} · {side.column}
                  </span>
                  <span className="link-side-line mono link-raw" title={side.raw}>
                    {side.raw}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <div className="link-explain-bar">
        <button
          type="button"
          className="button-small"
          disabled={!ready || explaining}
          onClick={() => void explain()}
          data-testid="explain-link"
        >
          {explaining ? 'Explaining…' : 'Explain link'}
        </button>
        <span className="muted">
          {chosenSides.length < 2
            ? 'Tick two rows of different agencies.'
            : ready
              ? `${a.agency} ↔ ${b.agency}`
              : 'Both rows are from one agency.'}
        </span>
      </div>
    </div>
  );
}

function ResolveControl() {
  const connected = useAppStore((state) => state.connection.state === 'connected');
  const resolving = useAppStore((state) => state.resolving);
  const summary = useAppStore((state) => state.resolveSummary);
  const error = useAppStore((state) => state.resolveError);
  const resolveNow = useAppStore((state) => state.resolveNow);
  // The review queue's count (main's one definition of open), not the pairs this run scored.
  const open = useAppStore((state) => state.openCandidates);
  return (
    <div className="resolve-control">
      <div className="resolve-row">
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() => void resolveNow()}
          disabled={!connected || resolving}
          aria-busy={resolving}
          title="Flag hub identifiers and propose same-person pairs over the whole graph; decisions are kept"
        >
          {resolving ? 'Resolving…' : 'Resolve now'}
        </button>
        {resolving && <progress className="resolve-progress" aria-label="Resolving" />}
      </div>
      {summary && !resolving && (
        <p className="resolve-summary" role="status" data-testid="resolve-summary">
          {countOf(summary.identifiers, 'identifier', 'identifiers')} · {countOf(summary.hubs, 'hub', 'hubs')} ·{' '}
          {open !== null && <>{countOf(open, 'open pair', 'open pairs')} · </>}
          {countOf(summary.candidates, 'pair scored', 'pairs scored')}
          {summary.withdrawn > 0 && ` · ${formatNumber(summary.withdrawn)} withdrawn`} ·{' '}
          {formatSeconds(summary.seconds)}
        </p>
      )}
      {error && <ErrorNotice error={error} testId="resolve-error" />}
    </div>
  );
}
