/**
 * npm run bench:ingest — pages per second through the whole ingest pipeline
 * (sniff, decode, normalize, thumbnail, hash, quality flags, blob store,
 * page rows in an embedded PGlite) on 200 generated A4 page images, against
 * raw sharp decode + resize of the same files in the same run.
 * ratio = pipeline pages/s ÷ raw sharp pages/s (≤ 1; how much the pipeline costs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createBook } from '../src/archive/index.js';
import { createLocalBlobStore } from '../src/blobs/index.js';
import { loadConfig, silentLogger } from '../src/core/index.js';
import { systemActor, type ActorContext } from '../src/auth/index.js';
import { ingestFiles } from '../src/ingest/index.js';
import { migrate, openStore } from '../src/store/index.js';
import { textJpeg } from '../test/support/scans.js';

const PAGES = 200;
async function generate(): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let n = 0; n < PAGES; n++) out.push(await textJpeg(1240, 1754, 28, n)); // A4 at 150 dpi
  return out;
}

async function main(): Promise<void> {
  sharp.concurrency(2);
  const files = await generate();
  let t = process.hrtime.bigint();
  for (const f of files) await sharp(f).resize(300).toBuffer();
  const rawSeconds = Number(process.hrtime.bigint() - t) / 1e9;

  const dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-bench-'));
  const store = await openStore({});
  await migrate(store.db);
  const ctx: ActorContext = { config: loadConfig({ dataDir: dir }), store, blobs: createLocalBlobStore(path.join(dir, 'blobs')), clock: () => new Date(), log: silentLogger, actor: systemActor('bench') };
  const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008 });
  t = process.hrtime.bigint();
  const summary = await ingestFiles(ctx, book.id, files.map((bytes, i) => ({ name: `trang-${i + 1}.jpg`, bytes })));
  const pipelineSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const pages = summary.files.reduce((n, f) => n + f.pages.length, 0);
  const value = pages / pipelineSeconds;
  const baseline = PAGES / rawSeconds;
  console.log(`hotich ingest: ${pages} trang trong ${pipelineSeconds.toFixed(1)} s (${value.toFixed(1)} trang/giây); bị từ chối ${summary.rejected.length}`);
  console.log(`baseline sharp giải mã + thu nhỏ: ${baseline.toFixed(1)} trang/giây`);
  if (pages !== PAGES) process.exitCode = 1;
  console.log(JSON.stringify({ bench: 'ingest', metric: 'pages_per_second', value, baseline, ratio: value / baseline, pages, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

await main();
