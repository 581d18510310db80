/**
 * A worker thread of the mapping pool (mappingPool.ts): maps chunks of rows through a profile —
 * the row mapper, then the record's identity — and answers them in the order of the chunk. It
 * holds nothing between chunks but the sheets' contexts the pool has sent it.
 */
import { parentPort } from 'node:worker_threads';
import { isBlank } from '../../core/cells';
import { threadCpuSeconds } from './phaseMeter';
import { mapRow, type RowContext } from '../../core/rowMapper';
import { keyedCardHash, type MappedChunk, type PoolRequest, type SheetContext } from './mappingPool';
import { recordId } from './recordIdentity';

const contexts = new Map<number, { sheet: SheetContext; row: RowContext }>();

function mapChunk(request: Extract<PoolRequest, { type: 'map' }>): MappedChunk {
  const started = performance.now();
  const context = contexts.get(request.context);
  if (!context) throw new Error(`the mapping pool sent rows of sheet context ${request.context} before the context`);
  const { sheet, row: ctx } = context;
  const grading = sheet.profile.grading;
  const rows = request.rows.map(([row, cells]) => {
    if (cells.every(isBlank)) return null;
    const mapped = mapRow(ctx, sheet.mappings, cells, row);
    if (mapped.rejected) return { row: mapped, id: '', content: null };
    const id = recordId(sheet.agency, sheet.idSheet, mapped, sheet.rowKey);
    const content = sheet.rowKey ? recordId(sheet.agency, sheet.idSheet, mapped, undefined) : null;
    // The profile's own grading object stands for "no column override" (batches.ts compares by
    // identity); a copy cannot, so it travels as a flag and the pool puts the parent's object back.
    for (const identifier of mapped.identifiers) {
      if (identifier.grading === grading) (identifier as { grading: unknown }).grading = null;
    }
    return { row: mapped, id, content };
  });
  return { type: 'mapped', job: request.job, rows, seconds: (performance.now() - started) / 1000 };
}

parentPort?.on('message', (request: PoolRequest) => {
  if (request.type === 'context') {
    const sheet = request.context;
    contexts.set(request.id, {
      sheet,
      row: { profile: sheet.profile, sheet: sheet.sheet, header: sheet.header, cardHash: keyedCardHash(sheet.cardKey) },
    });
    return;
  }
  if (request.type === 'forget') {
    contexts.delete(request.id);
    return;
  }
  if (request.type === 'cpu') {
    parentPort?.postMessage({ type: 'cpu', job: request.job, cpuSeconds: threadCpuSeconds() });
    return;
  }
  try {
    parentPort?.postMessage(mapChunk(request));
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    parentPort?.postMessage({ type: 'failed', job: request.job, message: e.message, stack: e.stack ?? '' });
  }
});
