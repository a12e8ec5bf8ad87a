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
 * runs in its own child process so that its peak RSS is its own; each reports
 * its peak RSS after half of the pages and after all of them (flat = no growth
 * with page count).
 *
 *   PAGES=40 (default) — pages per run; the RSS checkpoint is at PAGES/2.
 *   ROUNDS=2 (default) — the two sides alternate this many times; each side's best round counts
 *   (pages/s), RSS is each side's worst round. cpuRatio = bare CPU s/page ÷ pipeline CPU s/page.
 *   PAGES_DIR=<folder> — reuse pages generated earlier (kept; for profiling).
 *
 * Last line: {bench, metric, value, baseline, ratio = pipeline ÷ bare (goal ≥ 0.87), peakRssMB, ...}.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { A3_300DPI, scannedPageJpeg } from './support/synthetic-scans.js';

const SELF = fileURLToPath(import.meta.url);
const PAGES = Number(process.env.PAGES ?? 40);
const THREADS = Math.max(1, os.availableParallelism());
const ROUNDS = Number(process.env.ROUNDS ?? 2);

interface RunResult {
  role: 'bare' | 'pipeline';
  pages: number;
  seconds: number;
  /** CPU time (user + system, all threads) of the run: the cost that a busy, shared machine does not blur. */
  cpuSeconds: number;
  /** Peak RSS once set up, before the first page (modules, and for the pipeline the embedded database). */
  rssSetupMB: number;
  rssHalfMB: number;
  rssAllMB: number;
  rejected?: number;
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
const listFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort().map((f) => path.join(dir, f));

/** The bare sharp script: what a careful engineer would write with sharp alone. */
async function bare(files: string[], out: string): Promise<RunResult> {
  sharp.concurrency(THREADS);
  sharp.cache(false);
  mkdirSync(out, { recursive: true });
  let rssHalfMB = 0;
  const rssSetupMB = maxRssMB();
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  for (const [i, file] of files.entries()) {
    const bytes = await readFile(file);
    sha256(bytes);
    const [master, thumbnail] = await Promise.all([
      sharp(bytes).rotate().jpeg({ quality: 90, mozjpeg: false }).toBuffer(),
      sharp(bytes).rotate().resize(300, 300, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer(),
    ]);
    await Promise.all([writeFile(path.join(out, sha256(master)), master), writeFile(path.join(out, sha256(thumbnail)), thumbnail)]);
    if (i + 1 === Math.floor(files.length / 2)) rssHalfMB = maxRssMB();
  }
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  return { role: 'bare', pages: files.length, seconds, cpuSeconds: cpuSince(cpu), rssSetupMB, rssHalfMB, rssAllMB: maxRssMB() };
}

/** The real pipeline: ingestFiles into a book, files loaded from disk one at a time. */
async function pipeline(files: string[], data: string): Promise<RunResult> {
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
    store, blobs: createLocalBlobStore(path.join(data, 'blobs')), clock: () => new Date(), log: silentLogger, actor: systemActor('bench'),
  };
  const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008 });
  const inputs = files.map((file) => ({ name: path.basename(file), load: () => readFile(file) }));
  let rssHalfMB = 0;
  const rssSetupMB = maxRssMB();
  const half = Math.floor(files.length / 2);
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  const summary = await ingestFiles(ctx, book.id, inputs, (p) => {
    if (p.code === 'ingest.file_done' && p.fileIndex + 1 === half) rssHalfMB = maxRssMB();
  });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const cpuSeconds = cpuSince(cpu);
  await store.close();
  const pages = summary.files.reduce((n, f) => n + f.pages.length, 0);
  return { role: 'pipeline', pages, seconds, cpuSeconds, rssSetupMB, rssHalfMB, rssAllMB: maxRssMB(), rejected: summary.rejected.length };
}

function runChild(role: RunResult['role'], pagesDir: string, work: string): RunResult {
  const child = spawnSync(process.execPath, [...process.execArgv, SELF, '--child', role, pagesDir, work], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !last.startsWith('{')) throw new Error(`${role} run failed (exit ${child.status}): ${child.stdout}`);
  return JSON.parse(last) as RunResult;
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
    // Alternate the two sides and keep each side's best round: on a shared machine the load changes from minute to minute.
    const runs: RunResult[] = [];
    for (let round = 0; round < ROUNDS; round++) for (const role of ['bare', 'pipeline'] as const) runs.push(runChild(role, pagesDir, path.join(root, `${role}-${round}`)));
    const best = (role: RunResult['role']) => runs.filter((r) => r.role === role).reduce((a, r) => (r.pages / r.seconds > a.pages / a.seconds ? r : a));
    const b = best('bare');
    const p = best('pipeline');
    const worstRss = (role: RunResult['role'], key: 'rssSetupMB' | 'rssHalfMB' | 'rssAllMB') => Math.max(...runs.filter((r) => r.role === role).map((r) => r[key]));
    const value = p.pages / p.seconds;
    const baseline = b.pages / b.seconds;
    const half = Math.floor(PAGES / 2);
    const rss = (role: RunResult['role']) => [worstRss(role, 'rssSetupMB'), worstRss(role, 'rssHalfMB'), worstRss(role, 'rssAllMB')];
    const [bs, bh, ba] = rss('bare');
    const [ps, ph, pa] = rss('pipeline');
    const rounds = (role: RunResult['role']) => runs.filter((r) => r.role === role).map((r) => (r.pages / r.seconds).toFixed(2)).join(', ');
    console.log(`sharp trần (ảnh chủ JPEG + ảnh nhỏ WebP + SHA-256, ghi đĩa): ${baseline.toFixed(2)} trang/giây (các lượt: ${rounds('bare')}); CPU ${(b.cpuSeconds / b.pages).toFixed(3)} s/trang; RSS đỉnh ${bs} MB trước trang đầu, ${bh} MB sau ${half} trang, ${ba} MB sau ${PAGES} trang`);
    console.log(`hotich ingest (cả quy trình, blob fsync + PGlite): ${value.toFixed(2)} trang/giây (các lượt: ${rounds('pipeline')}); CPU ${(p.cpuSeconds / p.pages).toFixed(3)} s/trang; RSS đỉnh ${ps} MB trước trang đầu (gồm PGlite), ${ph} MB sau ${half} trang, ${pa} MB sau ${PAGES} trang`);
    console.log(`tải máy (loadavg 1 phút) ${os.loadavg()[0]!.toFixed(1)} trên ${THREADS} lõi; đo trong ${((Date.now() - t) / 1000).toFixed(0)} s`);
    if (runs.some((r) => r.pages !== PAGES || (r.rejected ?? 0) !== 0)) process.exitCode = 1;
    console.log(JSON.stringify({
      bench: 'ingest', metric: 'pages_per_second', value: round(value), baseline: round(baseline), ratio: round(value / baseline),
      pages: PAGES, page: 'A3 300 dpi colour JPEG', threads: THREADS, rounds: ROUNDS,
      cpuRatio: round(b.cpuSeconds / b.pages / (p.cpuSeconds / p.pages)),
      peakRssMB: { pipeline: pa, bare: ba },
      peakRssAtPagesMB: { pages: [0, half, PAGES], pipeline: [ps, ph, pa], bare: [bs, bh, ba] },
    }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

if (process.argv[2] === '--child') {
  const [role, pagesDir, work] = process.argv.slice(3) as [RunResult['role'], string, string];
  const files = listFiles(pagesDir);
  const result = role === 'bare' ? await bare(files, work) : await pipeline(files, work);
  console.log(JSON.stringify(result));
} else {
  await main();
}
