/**
 * Migrated PGlite databases for tests, built once and kept between runs.
 * initdb (~5 s of CPU), the migrations (~1 s) and the built-in administrative
 * units (~5 s) give the same database to every test until their sources
 * change, so the dump (a gzipped data folder, as PGlite's dumpDataDir writes
 * it) is cached under node_modules/.cache/hotich-test, named by a SHA-256 of
 * everything that shapes it: package-lock.json (PGlite, the address packages)
 * and every non-test source file of src/store, src/units, src/vn and src/core.
 * A changed source gives a new name, hence a new build; several processes
 * building the same one at once each write a temp file and rename it (same
 * bytes under one name). HOTICH_TEST_NO_CACHE=1 builds afresh every time.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openStore, type Store } from '../../src/store/index.js';
import { ensureBuiltinUnits } from '../../src/units/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'hotich-test');
const SOURCES = ['src/store', 'src/units', 'src/vn', 'src/core'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => !/\.test\.ts$/.test(f))
    .sort();
}

/** What the template is made of: the lockfile and the sources of the store, the units and what they import. */
function sourceKey(withUnits: boolean): string {
  const hash = createHash('sha256').update(withUnits ? 'units\n' : 'migrated\n');
  for (const file of ['package-lock.json', ...SOURCES.flatMap((d) => sourceFiles(path.join(ROOT, d)))]) {
    hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}

async function build(withUnits: boolean): Promise<Buffer> {
  const store: Store = await openStore({});
  try {
    await migrate(store.db);
    if (withUnits) await ensureBuiltinUnits({ store });
    const dump = await store.dumpDataDir!();
    return Buffer.from(await dump.arrayBuffer());
  } finally {
    await store.close();
  }
}

/**
 * The path of a gzipped PGlite data folder, migrated (and with the built-in units when `units`),
 * for `openStore({ pgliteSnapshot })` or PGlite's `loadDataDir`.
 */
export async function pgliteTemplate(opts: { units: boolean }): Promise<string> {
  const file = path.join(CACHE, `pglite-${opts.units ? 'units' : 'migrated'}-${sourceKey(opts.units)}.tar.gz`);
  if (process.env.HOTICH_TEST_NO_CACHE !== '1' && existsSync(file) && statSync(file).size > 0) return file;
  const bytes = await build(opts.units);
  mkdirSync(CACHE, { recursive: true });
  const temp = `${file}.${randomUUID()}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
  for (const old of readdirSync(CACHE)) {
    const stale = old.startsWith(`pglite-${opts.units ? 'units' : 'migrated'}-`) && old !== path.basename(file) && !old.endsWith('.tmp');
    if (stale) rmSync(path.join(CACHE, old), { force: true }); // an older source's build
  }
  return file;
}

/** The template as PGlite takes it. */
export async function pgliteTemplateBlob(opts: { units: boolean }): Promise<Blob> {
  return new Blob([readFileSync(await pgliteTemplate(opts))]);
}
