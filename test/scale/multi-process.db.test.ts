/**
 * Several processes, one PostgreSQL, one shared data folder: two web
 * processes (`hotich serve --no-worker`) and two job workers (`hotich
 * worker`), all real child processes. Shows that nothing a request needs
 * lives in one process's memory:
 * - a session made on one process is honoured by the other;
 * - keyers on each process save different records; the same record saved
 *   from both gets the conflict (409) on the second save;
 * - a resumable upload begun on one process is finished on the other;
 * - export jobs started on either process are each taken exactly once;
 * - a worker killed (SIGKILL) mid-job: the other worker takes the job back
 *   once its lease lapses (HOTICH_JOB_LEASE_SECONDS=2) and finishes it.
 * PostgreSQL only (PGlite is one process by nature).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPages } from '../../src/archive/index.js';
import { systemActor, withActor, type ActorContext } from '../../src/auth/index.js';
import { openContext, type OpenedContext } from '../../src/cli/index.js';
import { loadConfig, silentLogger } from '../../src/core/index.js';
import { createRecord } from '../../src/entry/index.js';
import { keyCompleted, scannedBook } from '../support/export-book.js';
import { signedInUser, type TestUser } from '../support/http.js';
import { startHotich, type HotichProcess } from '../support/processes.js';
import { CLEAN_KS_RECORD, patchValues } from '../support/records.js';
import { textJpeg } from '../support/scans.js';
import { scratchDatabase } from '../support/scratch-instance.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const TUS = { 'Tus-Resumable': '1.0.0' };

describe('two web processes and two workers on one PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let dir = '';
  let opened: OpenedContext;
  let sys: ActorContext;
  let web1: HotichProcess;
  let web2: HotichProcess;
  const workers: HotichProcess[] = [];
  let admin: TestUser;
  let keyerA: TestUser;
  let keyerB: TestUser;

  beforeAll(async () => {
    db = await scratchDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-scale-'));
    const dataDir = path.join(dir, 'data');
    opened = await openContext(loadConfig({ dataDir, databaseUrl: db.url }), silentLogger);
    sys = withActor(opened.ctx, systemActor('test'));
    [admin, keyerA, keyerB] = [await signedInUser(sys, 'admin'), await signedInUser(sys, 'keyer'), await signedInUser(sys, 'keyer')];
    const env = { DATABASE_URL: db.url, HOTICH_DATA: dataDir, HOTICH_JOB_LEASE_SECONDS: '2', HOTICH_LOG_LEVEL: 'warn' };
    [web1, web2] = await Promise.all([startHotich('serve', env, ['--no-worker']), startHotich('serve', env, ['--no-worker'])]);
    workers.push(await startHotich('worker', env), await startHotich('worker', env));
    await Promise.all([web1, web2, ...workers].map((p) => p.ready()));
  }, 240_000);

  afterAll(async () => {
    await Promise.all([web1, web2, ...workers].map((p) => p?.kill()));
    await opened?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (proc: HotichProcess, who: TestUser, method: string, url: string, body?: object) =>
    fetch(`${proc.base}${url}`, {
      method,
      headers: { authorization: who.headers.authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('honours on one process a session signed in on the other', async () => {
    const res = await fetch(`${web1.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: keyerA.user.login, password: 'wrong password' }),
    });
    expect(res.status).toBe(401);
    const me = await call(web2, admin, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(admin.user.id);
  });

  it('lets keyers on both processes save different records, and gives the second save of one record the conflict', async () => {
    const { bookId, pageIds } = await scannedBook(sys, { year: 2011, volume: '01/2011' });
    const rec = async (i: number) => (await createRecord(sys, { bookId, pageIds: [pageIds[0]!], clientTxId: `mp-create-${i}-${bookId.slice(0, 8)}` })).id;
    const [r1, r2, r3] = [await rec(1), await rec(2), await rec(3)];
    const save = (proc: HotichProcess, who: TestUser, id: string, tx: string, expectedVersion: number, so: string) =>
      call(proc, who, 'PUT', `/api/records/${id}`, { clientTxId: tx, expectedVersion, values: { ...CLEAN_KS_RECORD, so } });
    const [a, b] = await Promise.all([save(web1, keyerA, r1, 'mp-save-a-0001', 1, '1'), save(web2, keyerB, r2, 'mp-save-b-0001', 1, '2')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    // Both open record 3 (version 1), each on a process; A saves first, B's save is stale.
    const seen = await Promise.all([call(web1, keyerA, 'GET', `/api/records/${r3}`), call(web2, keyerB, 'GET', `/api/records/${r3}`)]);
    const versions = await Promise.all(seen.map(async (r) => ((await r.json()) as { version: number }).version));
    expect(versions).toEqual([1, 1]);
    expect((await save(web1, keyerA, r3, 'mp-save-a-0002', 1, '3')).status).toBe(200);
    const second = await save(web2, keyerB, r3, 'mp-save-b-0002', 1, '33');
    expect(second.status).toBe(409);
    const after = (await (await call(web2, keyerB, 'GET', `/api/records/${r3}`)).json()) as { version: number; values: Record<string, string> };
    expect([after.version, after.values.so]).toEqual([2, '3']);
  });

  it('finishes on one process an upload begun on the other', async () => {
    const { bookId } = await scannedBook(sys, { year: 2012, volume: '01/2012', pages: 1 });
    const bytes = await textJpeg(900, 1200, 12, 7);
    const auth = { ...TUS, Authorization: admin.headers.authorization };
    const created = await fetch(`${web1.base}/api/uploads`, {
      method: 'POST',
      headers: { ...auth, 'Upload-Length': String(bytes.length), 'Upload-Metadata': `bookId ${b64(bookId)},filename ${b64('trang 2.jpg')}` },
    });
    expect(created.status).toBe(201);
    const uploadPath = new URL(created.headers.get('location')!, web1.base).pathname;
    const half = Math.floor(bytes.length / 2);
    const patch = (proc: HotichProcess, offset: number, chunk: Buffer) =>
      fetch(`${proc.base}${uploadPath}`, { method: 'PATCH', headers: { ...auth, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }, body: new Uint8Array(chunk) });
    expect((await patch(web1, 0, bytes.subarray(0, half))).status).toBe(204);
    const head = await fetch(`${web2.base}${uploadPath}`, { method: 'HEAD', headers: auth });
    expect(Number(head.headers.get('upload-offset'))).toBe(half);
    const done = await patch(web2, half, bytes.subarray(half));
    expect(done.status, await done.clone().text()).toBe(200);
    expect(((await done.json()) as { files: { name: string }[] }).files[0]!.name).toBe('trang 2.jpg');
    expect(await listPages(sys, bookId)).toHaveLength(2);
  }, 60_000);

  const jobRow = (id: string) => opened.ctx.store.db.selectFrom('jobs').select(['status', 'attempts', 'locked_by', 'last_error', 'error']).where('id', '=', id).executeTakeFirstOrThrow();
  const startExport = async (proc: HotichProcess, bookId: string) => {
    const res = await call(proc, admin, 'POST', `/api/books/${bookId}/exports`, {});
    expect(res.status).toBe(202);
    return ((await res.json()) as { jobId: string }).jobId;
  };
  let volumes = 0;
  /** A book of two completed registrations (each book its own volume number). */
  const readyBook = async () => {
    const { bookId, pageIds } = await scannedBook(sys, { year: 2008, volume: `${String(++volumes).padStart(2, '0')}/2008-x`, pages: 2 });
    for (const so of ['1', '2']) await keyCompleted(sys, bookId, [pageIds[Number(so) - 1]!], patchValues(CLEAN_KS_RECORD, { so }));
    return { bookId };
  };
  /** The job once done or failed (the failure's message in the assertion). */
  const settled = async (id: string) => {
    await expect.poll(async () => ['done', 'failed'].includes((await jobRow(id)).status), { timeout: 60_000, interval: 100 }).toBe(true);
    const row = await jobRow(id);
    expect(row.status, JSON.stringify(row)).toBe('done');
    return row;
  };
  const exportsOf = async (bookId: string) => (await opened.ctx.store.db.selectFrom('exports').select('id').where('book_id', '=', bookId).execute()).length;

  it('takes each export job exactly once, whichever process started it', async () => {
    const books = [await readyBook(), await readyBook()];
    const jobs = await Promise.all(books.map((b, i) => startExport(i === 0 ? web1 : web2, b.bookId)));
    for (const id of jobs) await settled(id);
    for (const id of jobs) expect((await jobRow(id)).attempts).toBe(1);
    for (const b of books) expect(await exportsOf(b.bookId)).toBe(1);
  }, 120_000);

  it('resumes on another worker the job of a worker killed mid-job', async () => {
    const book = await readyBook();
    // The export's last write waits behind this lock, so the job is surely mid-way when its worker dies.
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table exports in share mode');
      const id = await startExport(web1, book.bookId);
      await expect.poll(async () => await jobRow(id), { timeout: 30_000, interval: 50 }).toMatchObject({ status: 'running' });
      const owner = (await jobRow(id)).locked_by!;
      const victim = workers.find((w) => w.output().includes(owner))!;
      expect(victim).toBeDefined();
      await victim.kill();
      await blocker.query('rollback');
      const row = await settled(id);
      expect(row.attempts).toBe(2);
      expect(await exportsOf(book.bookId)).toBe(1);
      const survivor = workers.find((w) => w !== victim)!;
      expect(survivor.child.exitCode).toBeNull();
    } finally {
      await blocker.end();
    }
  }, 120_000);
});
