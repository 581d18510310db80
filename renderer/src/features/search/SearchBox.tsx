import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore, useAppStoreApi } from '../../store';
import { moveActive, searchRows, type SearchRow } from '../../store/workspaceSlice';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AgencyBadges } from './AgencyBadges';
import { KIND_WORDS, plural } from './words';
import './workspace.css';

/** How long typing must pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 200;

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The search box in the top bar: "/" focuses it, typing searches (debounced), arrows move through
 * the results, Enter adds the active hit (or a group's hits) to the chart and selects them, Escape
 * closes the results and then leaves the box.
 */
export function SearchBox() {
  const store = useAppStoreApi();
  const result = useAppStore((s) => s.searchResult);
  const loading = useAppStore((s) => s.searchLoading);
  const error = useAppStore((s) => s.searchError);
  const connected = useAppStore((s) => s.connection.state === 'connected');
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  // The active row belongs to one answer: a new answer starts with none active.
  const [cursor, setCursor] = useState<{ of: unknown; index: number }>({ of: null, index: -1 });
  const input = useRef<HTMLInputElement>(null);
  const rows = useMemo(() => searchRows(result), [result]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isEditable(event.target) || document.querySelector('.modal[role="dialog"]')) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => void store.getState().runSearch(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, store]);

  const active = cursor.of === result ? cursor.index : -1;
  const setActive = (next: number | ((index: number) => number)) =>
    setCursor({ of: result, index: typeof next === 'function' ? next(active) : next });

  const choose = (row: SearchRow) => {
    store.getState().addSearchHits(row.type === 'hit' ? [row.hit] : row.hits);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => moveActive(a, event.key === 'ArrowDown' ? 1 : -1, rows.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const row = rows[active] ?? rows[0];
      if (row) choose(row);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (open && text !== '') setOpen(false);
      else input.current?.blur();
    }
  };

  const showList = open && text.trim() !== '';
  const activeId = active >= 0 ? `search-row-${active}` : undefined;

  return (
    <div className="search-box" data-testid="search-box">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search names, phones, cases, addresses… (press /)"
        aria-expanded={showList}
        aria-controls="search-results"
        aria-activedescendant={activeId}
        aria-autocomplete="list"
        placeholder={connected ? 'Search  ( / )' : 'Search (no database)'}
        disabled={!connected}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={(event) => {
          if (!event.currentTarget.parentElement?.contains(event.relatedTarget)) setOpen(false);
        }}
        onKeyDown={onKeyDown}
        data-testid="search-input"
      />
      {showList && (
        <div className="search-results" id="search-results" role="listbox" aria-label="Search results" tabIndex={-1}>
          {loading && !result && <p className="search-status">Searching…</p>}
          {error && <ErrorNotice error={error} testId="search-error" />}
          {result && result.readAs.length > 0 && (
            <p className="search-readas" data-testid="search-readas">
              Read {result.readAs.join('; ')}
            </p>
          )}
          {result && result.groups.length === 0 && (
            <p className="search-status">Nothing found. Try fewer words, or another spelling or number form.</p>
          )}
          {result?.groups.map((group, g) => (
            <div key={group.kind} className="search-group" role="group" aria-label={KIND_WORDS[group.kind][1]}>
              <div className="search-group-head">
                {KIND_WORDS[group.kind][1]}
                <span className="muted">
                  {' '}
                  · {group.total > group.hits.length ? `${group.hits.length} of ${group.total}` : group.hits.length}
                </span>
              </div>
              {rows.map((row, index) =>
                row.group !== g ? null : (
                  <div
                    key={row.type === 'hit' ? row.hit.node.id : `all-${g}`}
                    id={`search-row-${index}`}
                    role="option"
                    aria-selected={index === active}
                    className={`search-row ${row.type === 'all' ? 'search-row-all' : ''} ${index === active ? 'active' : ''}`}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => choose(row)}
                    onMouseEnter={() => setActive(index)}
                    data-testid={row.type === 'hit' ? 'search-hit' : 'search-add-all'}
                    data-node={row.type === 'hit' ? row.hit.node.id : undefined}
                  >
                    {row.type === 'hit' ? (
                      <>
                        <span className="search-hit-label">{row.hit.node.label}</span>
                        <AgencyBadges agencies={row.hit.node.agencies} />
                        <span className="search-hit-count">{plural(row.hit.node.records, 'record', 'records')}</span>
                        <span className="search-hit-why">{row.hit.matched}</span>
                      </>
                    ) : (
                      <span>
                        Add all{' '}
                        {plural(
                          row.hits.length,
                          KIND_WORDS[group.kind][0].toLowerCase(),
                          KIND_WORDS[group.kind][1].toLowerCase(),
                        )}{' '}
                        to the chart
                      </span>
                    )}
                  </div>
                ),
              )}
            </div>
          ))}
          {result && rows.length > 0 && (
            <p className="search-keys muted">↑ ↓ to move · Enter adds to the chart · Esc closes</p>
          )}
        </div>
      )}
    </div>
  );
}
