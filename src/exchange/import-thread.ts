/**
 * Worker-thread entry of an import's read-and-check (import-check.ts): gets a
 * CheckInput as workerData, posts { t: 'progress' } while it works, then the
 * row outcomes in chunks ({ t: 'rows' }, so the main thread never
 * deserializes one huge message) and { t: 'done' } with the rest; a failure
 * is posted as { t: 'error' } with the typed error's fields. Started and
 * read by import-off-thread.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../core/index.js';
import { readAndCheck, type CheckInput } from './import-check.js';

export const ROWS_PER_MESSAGE = 2_000;

async function main(): Promise<void> {
  const port = parentPort!;
  try {
    const checked = await readAndCheck(workerData as CheckInput, (p) => port.postMessage({ t: 'progress', p }));
    for (let i = 0; i < checked.outcomes.length; i += ROWS_PER_MESSAGE) port.postMessage({ t: 'rows', rows: checked.outcomes.slice(i, i + ROWS_PER_MESSAGE) });
    port.postMessage({ t: 'done', table: checked.table, templateId: checked.templateId, notes: checked.notes, errorReport: checked.errorReport });
  } catch (e) {
    const error = isAppError(e)
      ? { app: true, kind: e.kind, code: e.code, message: e.message, details: e.details, path: (e as { path?: string }).path }
      : { app: false, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    port.postMessage({ t: 'error', error });
  }
}

void main();
