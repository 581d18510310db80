import { useId } from 'react';
import type { MatchModelLevelDto } from '../../../../main/contract/api';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatNumber } from '../../ui/format';
import { Modal } from '../../ui/Modal';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : when.format(date);
}

/** A probability as `caselink model show` prints it. */
function formatProbability(x: number | null): string {
  return x === null ? '—' : x < 0.001 ? x.toExponential(2) : x.toFixed(4);
}

/** The levels of each comparison, in the model's order. */
function byComparison(levels: MatchModelLevelDto[]): { label: string; levels: MatchModelLevelDto[] }[] {
  const groups = new Map<string, { label: string; levels: MatchModelLevelDto[] }>();
  for (const l of levels) {
    const group = groups.get(l.comparison) ?? { label: l.comparisonLabel, levels: [] };
    group.levels.push(l);
    groups.set(l.comparison, group);
  }
  return [...groups.values()];
}

/** The saved same-person match model, read-only: per comparison its levels with m, u and the weight in words. */
export function ModelDialog() {
  const open = useAppStore((state) => state.modelOpen);
  if (!open) return null;
  return <OpenModelDialog />;
}

function OpenModelDialog() {
  const model = useAppStore((state) => state.model);
  const error = useAppStore((state) => state.modelError);
  const close = useAppStore((state) => state.closeModel);
  const id = useId();
  const trained = model?.trainedOn;
  return (
    <Modal className="model-dialog" titleId={`${id}-title`} testId="model-dialog" onClose={close}>
      <header className="modal-header">
        <h2 id={`${id}-title`}>Match model</h2>
        <button type="button" className="button-icon modal-close" aria-label="Close match model" onClick={close}>
          ×
        </button>
      </header>
      <div className="model-body">
        {error && <ErrorNotice error={error} testId="model-error" />}
        {model === null ? (
          !error && <p className="muted">Loading…</p>
        ) : (
          <>
            <p data-testid="model-estimated">
              {model.estimatedAt === null
                ? 'No model estimated yet: run resolution with the model ("caselink resolve --matcher model").'
                : `Estimated ${formatWhen(model.estimatedAt)} on ${formatNumber(trained?.mentions ?? 0)} person mentions: u from ${formatNumber(trained?.randomPairs ?? 0)} random pairs, m by EM over ${formatNumber(trained?.blockedPairs ?? 0)} blocked pairs.`}
            </p>
            <p className="muted">
              m: how often two mentions of one person fall in a level; u: how often two different people do. Their ratio
              is the weight: how much more (or less) likely the level makes it that they are one person. Values an
              analyst fixed (“caselink model set”) are marked.
            </p>
            {byComparison(model.levels).map((c) => (
              <section key={c.label} className="model-comparison" data-testid="model-comparison">
                <h3>{c.label.charAt(0).toUpperCase() + c.label.slice(1)}</h3>
                <table className="data-table model-table">
                  <thead>
                    <tr>
                      <th scope="col">Level</th>
                      <th scope="col">m</th>
                      <th scope="col">u</th>
                      <th scope="col">Weight</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.levels.map((l) => (
                      <tr key={l.level} data-testid="model-level">
                        <th scope="row">{l.label}</th>
                        <td className="mono">
                          {formatProbability(l.m)}
                          {l.fixedM && <span className="tag">fixed</span>}
                        </td>
                        <td className="mono">
                          {formatProbability(l.u)}
                          {l.fixedU && <span className="tag">fixed</span>}
                        </td>
                        <td>{l.inWords ?? <span className="muted">—</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ))}
          </>
        )}
      </div>
    </Modal>
  );
}
