/**
 * npm run bench:ingest — pages per second and peak memory of the whole ingest
 * pipeline (read from disk, sniff, header check, pixel budget, decode, master,
 * thumbnail, dhash, blank check, blobs fsynced into the store, page rows in an
 * embedded PGlite) against a bare sharp script that makes the same derivatives
 * from the same files in the same run: the upright master JPEG (quality 90),
 * the 300 px WebP thumbnail, SHA-256 checksums of the file and of both, both
 * written to disk. Same sharp threads and cache setting for both.
 *
 * The pages are synthetic 300 dpi colour A3 scans (3508 × 4961 px, 4–5 MB
 * JPEG each: paper grain, ruled form, handwriting-like strokes, a stamp; see
 * bench/support/synthetic-scans.ts), written to a temp folder first. Each side
 * runs in its own long-lived child process (so its peak RSS is its own), and
 * the two take turns on chunks of CHUNK pages (A B, B A, A B…): on a shared
 * machine whose load changes from minute to minute both see the same load.
 * Each side's pages/s is its pages over the sum of its chunk times; its peak
 * RSS is reported before the first page, after half the pages and at the end
 * (flat = no growth with page count).
 *
 *   PAGES=40 (default) — pages per side; CHUNK=4 — pages per turn;
 *   PAGES_DIR=<folder> — reuse pages generated earlier (kept; for profiling).
 *   cpuRatio = bare CPU s/page ÷ pipeline CPU s/page (all threads, user + system).
 *
 * Last line: {bench, metric, value, baseline, ratio = pipeline ÷ bare (goal ≥ 0.87), peakRssMB, ...}.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { A3_300DPI, scannedPageJpeg } from './support/synthetic-scans.js';

const SELF = fileURLToPath(import.meta.url);
const PAGES = Number(process.env.PAGES ?? 40);
const THREADS = Math.max(1, os.availableParallelism());
const CHUNK = Math.max(1, Number(process.env.CHUNK ?? 4));

type Role = 'bare' | 'pipeline';
/** One turn of a side: a chunk of pages. */
interface Turn {
  pages: number;
  seconds: number;
  /** CPU time (user + system, all threads) of the turn: the cost that a busy, shared machine blurs less. */
  cpuSeconds: number;
  rejected: number;
  /** Peak RSS so far. */
  rssMB: number;
}
/** A side, ready: peak RSS once set up (modules, and for the pipeline the embedded database). */
interface Ready {
  rssSetupMB: number;
}

const cpuSince = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
};

/**
 * Peak RSS of this process, sampled every 5 ms. Not resourceUsage().maxRSS: on Linux a child
 * started by spawn inherits its parent's peak at fork time (the page generator's, here).
 */
let peakRss = 0;
const sampleRss = () => void (peakRss = Math.max(peakRss, process.memoryUsage.rss()));
if (process.argv[2] === '--child') setInterval(sampleRss, 5).unref();
const maxRssMB = () => {
  sampleRss();
  return Math.round(peakRss / 1e6);
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const listFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.jpg'))
    .sort()
    .map((f) => path.join(dir, f));

type RunChunk = (files: string[]) => Promise<{ pages: number; rejected: number }>;

/** The bare sharp script: what a careful engineer would write with sharp alone. */
async function bare(out: string): Promise<RunChunk> {
  sharp.concurrency(THREADS);
  sharp.cache(false);
  mkdirSync(out, { recursive: true });
  return async (files) => {
    for (const file of files) {
      const bytes = await readFile(file);
      sha256(bytes);
      const [master, thumbnail] = await Promise.all([
        sharp(bytes).rotate().jpeg({ quality: 90, mozjpeg: false }).toBuffer(),
        sharp(bytes).rotate().resize(300, 300, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer(),
      ]);
      await Promise.all([writeFile(path.join(out, sha256(master)), master), writeFile(path.join(out, sha256(thumbnail)), thumbnail)]);
    }
    return { pages: files.length, rejected: 0 };
  };
}

/** The real pipeline: ingestFiles into one book (PGlite on disk, local blob store), files loaded from disk one at a time. */
async function pipeline(data: string): Promise<RunChunk> {
  const { createBook } = await import('../src/archive/index.js');
  const { createLocalBlobStore } = await import('../src/blobs/index.js');
  const { loadConfig, silentLogger } = await import('../src/core/index.js');
  const { systemActor } = await import('../src/auth/index.js');
  const { ingestFiles } = await import('../src/ingest/index.js');
  const { migrate, openStore } = await import('../src/store/index.js');
  const store = await openStore({ pgliteDir: path.join(data, 'db') }); // on disk, as the server runs it
  await migrate(store.db);
  const ctx = {
    config: loadConfig({ dataDir: data }, { HOTICH_INGEST_THREADS: String(THREADS) }),
    store,
    blobs: createLocalBlobStore(path.join(data, 'blobs')),
    clock: () => new Date(),
    log: silentLogger,
    actor: systemActor('bench'),
  };
  const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008 });
  return async (files) => {
    const summary = await ingestFiles(
      ctx,
      book.id,
      files.map((file) => ({ name: path.basename(file), load: () => readFile(file) })),
    );
    return { pages: summary.files.reduce((n, f) => n + f.pages.length, 0), rejected: summary.rejected.length };
  };
}

/** The child's loop: one JSON line per request on stdin ({from, to} or {}), one JSON line back. */
async function child(role: Role, pagesDir: string, work: string): Promise<void> {
  const files = listFiles(pagesDir);
  const run = role === 'bare' ? await bare(work) : await pipeline(work);
  const ready: Ready = { rssSetupMB: maxRssMB() };
  console.log(JSON.stringify(ready));
  for await (const line of createInterface({ input: process.stdin })) {
    const req = JSON.parse(line) as { from?: number; to?: number };
    if (req.from === undefined) break;
    const cpu = process.cpuUsage();
    const t = process.hrtime.bigint();
    const done = await run(files.slice(req.from, req.to));
    const turn: Turn = { ...done, seconds: Number(process.hrtime.bigint() - t) / 1e9, cpuSeconds: cpuSince(cpu), rssMB: maxRssMB() };
    console.log(JSON.stringify(turn));
  }
  process.exit(0);
}

/** A side's child process, asked for one chunk at a time. */
function side(role: Role, pagesDir: string, work: string) {
  const proc = spawn(process.execPath, [...process.execArgv, SELF, '--child', role, pagesDir, work], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  const next = async <T>(): Promise<T> => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`${role}: the child ended early`);
    return JSON.parse(value as string) as T;
  };
  return {
    ready: () => next<Ready>(),
    turn: (from: number, to: number) => (proc.stdin.write(`${JSON.stringify({ from, to })}\n`), next<Turn>()),
    end: () => new Promise<void>((resolve) => (proc.once('exit', () => resolve()), proc.stdin.end('{}\n'))),
  };
}

async function generate(dir: string): Promise<number> {
  sharp.concurrency(THREADS);
  let bytes = 0;
  for (let n = 0; n < PAGES; n++) {
    const page = await scannedPageJpeg(n + 1);
    bytes += page.length;
    writeFileSync(path.join(dir, `trang-${String(n + 1).padStart(4, '0')}.jpg`), page);
  }
  return bytes;
}

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hotich-bench-ingest-'));
  try {
    const pagesDir = process.env.PAGES_DIR ?? path.join(root, 'pages');
    mkdirSync(pagesDir, { recursive: true });
    let t = Date.now();
    const bytes = process.env.PAGES_DIR ? 0 : await generate(pagesDir);
    console.log(`${PAGES} trang A3 300 dpi màu (${A3_300DPI.width}×${A3_300DPI.height}), JPEG trung bình ${(bytes / PAGES / 1e6).toFixed(1)} MB, tạo trong ${((Date.now() - t) / 1000).toFixed(0)} s`);
    t = Date.now();
    const sides = { bare: side('bare', pagesDir, path.join(root, 'bare')), pipeline: side('pipeline', pagesDir, path.join(root, 'pipeline')) };
    const setup = { bare: (await sides.bare.ready()).rssSetupMB, pipeline: (await sides.pipeline.ready()).rssSetupMB };
    const turns: Record<Role, Turn[]> = { bare: [], pipeline: [] };
    const half = Math.floor(PAGES / 2);
    const rssHalf = { bare: 0, pipeline: 0 };
    for (let from = 0, k = 0; from < PAGES; from += CHUNK, k++) {
      const to = Math.min(PAGES, from + CHUNK);
      for (const role of (k % 2 === 0 ? ['bare', 'pipeline'] : ['pipeline', 'bare']) as Role[]) {
        const turn = await sides[role].turn(from, to);
        turns[role].push(turn);
        if (from < half && to >= half) rssHalf[role] = turn.rssMB;
      }
    }
    await Promise.all([sides.bare.end(), sides.pipeline.end()]);
    const sum = (role: Role, key: 'pages' | 'seconds' | 'cpuSeconds' | 'rejected') => turns[role].reduce((n, x) => n + x[key], 0);
    const rssAll = (role: Role) => Math.max(...turns[role].map((x) => x.rssMB));
    const value = sum('pipeline', 'pages') / sum('pipeline', 'seconds');
    const baseline = sum('bare', 'pages') / sum('bare', 'seconds');
    const cpuPerPage = (role: Role) => sum(role, 'cpuSeconds') / sum(role, 'pages');
    console.log(
      `sharp trần (ảnh chủ JPEG + ảnh nhỏ WebP + SHA-256, ghi đĩa): ${baseline.toFixed(2)} trang/giây; CPU ${cpuPerPage('bare').toFixed(3)} s/trang; RSS đỉnh ${setup.bare} MB trước trang đầu, ${rssHalf.bare} MB sau ${half} trang, ${rssAll('bare')} MB sau ${PAGES} trang`,
    );
    console.log(
      `hotich ingest (cả quy trình, blob fsync + PGlite): ${value.toFixed(2)} trang/giây; CPU ${cpuPerPage('pipeline').toFixed(3)} s/trang; RSS đỉnh ${setup.pipeline} MB trước trang đầu (gồm PGlite), ${rssHalf.pipeline} MB sau ${half} trang, ${rssAll('pipeline')} MB sau ${PAGES} trang; bị từ chối ${sum('pipeline', 'rejected')}`,
    );
    console.log(`tải máy (loadavg 1 phút) ${os.loadavg()[0]!.toFixed(1)} trên ${THREADS} lõi; hai bên lần lượt từng ${CHUNK} trang; đo trong ${((Date.now() - t) / 1000).toFixed(0)} s`);
    if (sum('pipeline', 'pages') !== PAGES || sum('pipeline', 'rejected') !== 0) process.exitCode = 1;
    console.log(
      JSON.stringify({
        bench: 'ingest',
        metric: 'pages_per_second',
        value: round(value),
        baseline: round(baseline),
        ratio: round(value / baseline),
        pages: PAGES,
        chunk: CHUNK,
        page: 'A3 300 dpi colour JPEG',
        threads: THREADS,
        cpuRatio: round(cpuPerPage('bare') / cpuPerPage('pipeline')),
        peakRssMB: { pipeline: rssAll('pipeline'), bare: rssAll('bare') },
        peakRssAtPagesMB: { pages: [0, half, PAGES], pipeline: [setup.pipeline, rssHalf.pipeline, rssAll('pipeline')], bare: [setup.bare, rssHalf.bare, rssAll('bare')] },
      }),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

if (process.argv[2] === '--child') {
  const [role, pagesDir, work] = process.argv.slice(3) as [Role, string, string];
  await child(role, pagesDir, work);
} else {
  await main();
}
