/**
 * npm run bench:export — writing the MoJ "DL Import" xlsx of 1,000,000 KS-70
 * rows with hotich's streaming writer (src/exchange/xlsx-writer.ts, fed row by
 * row through exportRow exactly as the export does) against exceljs's
 * non-streaming `Workbook.xlsx.writeFile` of the same rows (the baseline).
 * Rows: realistic registrations from the demo generators (several books,
 * years and seeds: a pool of about 5,000, cycled with STT and số renumbered).
 * Each run is a child process (same harness, same pool) so its peak RSS is
 * its own; the baseline gets --max-old-space-size=BASELINE_HEAP_MB and, when
 * it dies (or passes BASELINE_TIME_LIMIT_S), the rows it reached and its
 * peak RSS are reported. Both writers are also measured at 50,000 rows, a size the baseline survives, so
 * `ratio` (ours ÷ baseline rows per second at that size) is meaningful.
 * Usage: npm run bench:export [-- --rows 1000000 --small 50000]
 * Last line: one JSON object.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { demoBook, DEMO_BOOKS, type DemoBookSpec } from '../src/demo/index.js';
import { createXlsxWriter, exportRow, notesSheet, DATA_SHEET, NOTES_SHEET } from '../src/exchange/index.js';
import { getTemplate, headerRow } from '../src/registers/index.js';

const KS = getTemplate('KS');
const BASELINE_HEAP_MB = 8192;
/** The baseline at the big size is stopped after this long (it would take far longer than the run allows). */
const BASELINE_TIME_LIMIT_S = 240;
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

function pool(): Record<string, string>[] {
  const specs = DEMO_BOOKS.filter((b) => b.registerType === 'KS');
  const out: Record<string, string>[] = [];
  for (const [i, spec] of specs.entries()) {
    for (const seed of [11, 12]) {
      const book = demoBook(seed + i, { ...spec, key: `bench-${i}-${seed}`, pages: 200 } satisfies DemoBookSpec);
      out.push(...book.pageList.flatMap((p) => p.records.map((r) => r.values)));
    }
  }
  return out;
}

function* rows(n: number): Generator<string[]> {
  const values = pool();
  for (let i = 0; i < n; i++) yield exportRow(KS, { ...values[i % values.length]!, so: String(i + 1) }, i + 1, 'title');
}

const mb = (bytes: number) => Math.round(bytes / 1048576);
let added = 0;
function progress(done: number): void {
  added = done;
  process.stderr.write(`progress ${done} ${mb(process.memoryUsage().rss)}\n`);
}

async function ours(n: number, file: string): Promise<void> {
  const w = createXlsxWriter(createWriteStream(file), { sheet: DATA_SHEET, header: headerRow(KS), extraSheets: [notesSheet(KS)], title: 'bench', created: new Date(0) });
  let i = 0;
  for (const r of rows(n)) {
    await w.writeRow(r);
    if (++i % 50_000 === 0) progress(i);
  }
  await w.end();
}

async function baseline(n: number, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(DATA_SHEET);
  ws.columns = headerRow(KS).map((h) => ({ header: h, style: { numFmt: '@' } }));
  const notes = wb.addWorksheet(NOTES_SHEET);
  for (const r of notesSheet(KS).rows) notes.addRow([...r.cells]);
  let i = 0;
  for (const r of rows(n)) {
    ws.addRow(r);
    if (++i % 50_000 === 0) progress(i);
  }
  process.stderr.write('writing\n');
  await wb.xlsx.writeFile(file);
}

/** In the child: build the pool, then time the writer alone. */
async function child(kind: string, n: number, file: string): Promise<void> {
  pool();
  setInterval(() => progress(added), 500).unref();
  const t0 = process.hrtime.bigint();
  await (kind === 'ours' ? ours(n, file) : baseline(n, file));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ rows: n, seconds, bytes: statSync(file).size, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

interface RunResult {
  kind: string;
  rows: number;
  ok: boolean;
  seconds?: number;
  rowsPerSecond?: number;
  bytes?: number;
  peakRssMB: number;
  reachedRows?: number;
  failure?: string;
}

function run(kind: string, n: number, dir: string): Promise<RunResult> {
  const self = fileURLToPath(import.meta.url);
  const heap = kind === 'baseline' ? [`--max-old-space-size=${BASELINE_HEAP_MB}`] : [];
  const file = path.join(dir, `${kind}-${n}.xlsx`);
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [...heap, '--import', 'tsx', self, '--child', kind, String(n), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let reached = 0;
    let lastRss = 0;
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      for (const m of d.toString().matchAll(/progress (\d+) (\d+)/g)) [reached, lastRss] = [Number(m[1]), Math.max(lastRss, Number(m[2]))];
    });
    const limit = kind === 'baseline' && n > 100_000 ? setTimeout(() => p.kill('SIGKILL'), BASELINE_TIME_LIMIT_S * 1000) : undefined;
    p.on('close', (code, signal) => {
      clearTimeout(limit);
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) {
        const r = JSON.parse(line) as { seconds: number; bytes: number; peakRssMB: number };
        resolve({ kind, rows: n, ok: true, seconds: r.seconds, rowsPerSecond: Math.round(n / r.seconds), bytes: r.bytes, peakRssMB: r.peakRssMB });
      } else {
        const killed = signal === 'SIGKILL' && limit !== undefined ? `stopped after the ${BASELINE_TIME_LIMIT_S} s limit` : undefined;
        const why = killed ?? /heap out of memory|Invalid string length|Array buffer allocation failed|RangeError[^\n]*/.exec(err)?.[0] ?? `exit ${code ?? signal}`;
        const stage = err.includes('writing\n') ? 'writeFile' : 'addRow';
        resolve({ kind, rows: n, ok: false, reachedRows: reached, peakRssMB: lastRss, failure: `${why} (during ${stage}, after ${reached} rows added)` });
      }
    });
  });
}

async function main(): Promise<void> {
  const big = arg('rows', 1_000_000);
  const small = arg('small', 50_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'hotich-bench-export-'));
  try {
    const results: RunResult[] = [];
    for (const [kind, n] of [['ours', small], ['baseline', small], ['ours', big], ['baseline', big]] as const) {
      const r = await run(kind, n, dir);
      results.push(r);
      console.log(r.ok ? `${kind} ${n} rows: ${r.seconds!.toFixed(1)} s, ${r.rowsPerSecond} rows/s, ${mb(r.bytes!)} MB file, peak RSS ${r.peakRssMB} MB`
        : `${kind} ${n} rows: FAILED — ${r.failure}; peak RSS seen ${r.peakRssMB} MB`);
      rmSync(path.join(dir, `${kind}-${n}.xlsx`), { force: true });
    }
    const [oursSmall, baseSmall, oursBig, baseBig] = results as [RunResult, RunResult, RunResult, RunResult];
    const ratio = oursSmall.rowsPerSecond && baseSmall.rowsPerSecond ? Math.round((oursSmall.rowsPerSecond / baseSmall.rowsPerSecond) * 100) / 100 : null;
    console.log(JSON.stringify({
      bench: 'export', metric: 'rowsPerSecond', value: oursBig.rowsPerSecond ?? null, baseline: baseSmall.rowsPerSecond ?? null, ratio,
      ratioAt: small, peakRssMB: oursBig.peakRssMB, baselinePeakRssMB: baseBig.peakRssMB, rows: big, baselineRows: baseBig.ok ? big : (baseBig.reachedRows ?? 0),
      baselineBigOk: baseBig.ok, baselineBigFailure: baseBig.failure ?? null, baselineHeapCapMB: BASELINE_HEAP_MB,
      small: { rows: small, oursRowsPerSecond: oursSmall.rowsPerSecond ?? null, oursPeakRssMB: oursSmall.peakRssMB, baselineRowsPerSecond: baseSmall.rowsPerSecond ?? null, baselinePeakRssMB: baseSmall.peakRssMB },
      oursBigSeconds: oursBig.seconds ?? null, oursBigFileMB: oursBig.bytes ? mb(oursBig.bytes) : null,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt > 0) await child(process.argv[childAt + 1]!, Number(process.argv[childAt + 2]), process.argv[childAt + 3]!);
else await main();
