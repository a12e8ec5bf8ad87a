/**
 * Runs an import's read-and-check (import-check.ts) off the event loop: in a
 * worker thread (import-thread.ts) for files of OFF_THREAD_BYTES or more, so
 * health checks and keyers' saves keep answering during a big import; small
 * files are checked in-process (a thread costs more than it saves), yielding
 * to the event loop every CHECK_STEP rows. A typed error from the thread comes
 * back as the same typed error (Invalid, Conflict, NotFound …). When `signal`
 * fires the thread is terminated. Under tsx / vitest the thread registers tsx
 * and loads the .ts entry; the built server runs the .js one.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, Conflict, Invalid, NotFound, type ErrorKind } from '../core/index.js';
import { readAndCheck, type CheckedFile, type CheckInput, type CheckProgress } from './import-check.js';
import type { RowOutcome } from './import-rows.js';

/** From this size on, a file is read and checked in a worker thread. */
export const OFF_THREAD_BYTES = 256 * 1024;

/** The thread's heap ceiling: a file that needs more fails the import (typed) instead of the server. */
export const THREAD_HEAP_MB = 1536;

const outOfMemory = () =>
  new Invalid('import.too_big_to_read', `Tệp cần hơn ${THREAD_HEAP_MB.toLocaleString('vi-VN')} MB bộ nhớ để đọc và kiểm tra; hãy tách thành nhiều tệp (mỗi quyển sổ một tệp).`, 'file');

const SOURCE = import.meta.url.endsWith('.ts');
const THREAD_URL = new URL(`./import-thread.${SOURCE ? 'ts' : 'js'}`, import.meta.url);

/** Under tsx / vitest: a tiny ESM bootstrap registers tsx in the thread, then loads the .ts entry. */
function threadEntry(): URL {
  if (!SOURCE) return THREAD_URL;
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(THREAD_URL.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

type ThreadError = { app: true; kind: ErrorKind; code: string; message: string; details?: unknown; path?: string } | { app: false; message: string };
type Message =
  | { t: 'progress'; p: CheckProgress }
  | { t: 'rows'; rows: RowOutcome[] }
  | { t: 'done'; table: CheckedFile['table']; templateId: string; notes: string[]; errorReport?: Uint8Array }
  | { t: 'error'; error: ThreadError };

function rebuild(e: ThreadError): Error {
  if (!e.app) return new Error(`import thread: ${e.message}`);
  if (e.kind === 'invalid') return new Invalid(e.code, e.message, e.path, e.details);
  if (e.kind === 'conflict') return new Conflict(e.code, e.message, e.details);
  if (e.kind === 'not_found') return new NotFound(e.code, e.message, e.details);
  return new AppError(e.kind, e.code, e.message, e.details);
}

function inThread(input: CheckInput, tell: (p: CheckProgress) => void, signal?: AbortSignal): Promise<CheckedFile> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(threadEntry(), { workerData: input, resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } });
    const outcomes: RowOutcome[] = [];
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    const onAbort = () => settle(() => reject(signal?.reason as Error));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: Message) => {
      if (m.t === 'progress') tell(m.p);
      else if (m.t === 'rows') outcomes.push(...m.rows);
      else if (m.t === 'error') settle(() => reject(rebuild(m.error)));
      else settle(() => resolve({ table: m.table, templateId: m.templateId, notes: m.notes, outcomes, ...(m.errorReport ? { errorReport: m.errorReport } : {}) }));
    });
    worker.on('error', (e) => settle(() => reject((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory() : e)));
    worker.on('exit', (code) => settle(() => reject(new Error(`import thread exited (${code}) before answering`))));
    worker.on('exit', () => signal?.removeEventListener('abort', onAbort));
  });
}

const yieldLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function checkImportFile(input: CheckInput, tell: (p: CheckProgress) => void, opts: { signal?: AbortSignal | undefined; thread?: boolean } = {}): Promise<CheckedFile> {
  if (opts.thread ?? input.bytes.byteLength >= OFF_THREAD_BYTES) return inThread(input, tell, opts.signal);
  return readAndCheck(input, async (p) => {
    tell(p);
    await yieldLoop();
  });
}
