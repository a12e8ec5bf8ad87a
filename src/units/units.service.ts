/**
 * The units module's operations on a context: import a list file, load the
 * built-in lists, keep one in-memory index per database (rebuilt after an
 * import), resolve place text, autocomplete.
 */
import { createHash } from 'node:crypto';
import { Invalid, NotFound, type AppContext } from '../core/index.js';
import type { Store } from '../store/index.js';
import { loadBuiltinUnits } from './builtin/index.js';
import { readUnitFile, type FileContent } from './formats/index.js';
import { importBatches, type ImportReport } from './import.service.js';
import { lookupUnits, type LookupHit, type LookupOptions } from './lookup.js';
import { resolvePlace, type PlaceResolution, type ResolveOptions } from './resolve.js';
import { buildUnitIndex, unitPath, type UnitIndex } from './unit-index.js';
import { countUnits, loadIndexRows } from './units.repo.js';

type Ctx = Pick<AppContext, 'store'>;

const indexes = new WeakMap<Store, Promise<UnitIndex>>();

export function getUnitIndex(ctx: Ctx): Promise<UnitIndex> {
  let index = indexes.get(ctx.store);
  if (!index) {
    index = loadIndexRows(ctx.store.db).then(buildUnitIndex);
    index.catch(() => indexes.delete(ctx.store));
    indexes.set(ctx.store, index);
  }
  return index;
}

function forget(ctx: Ctx): void {
  indexes.delete(ctx.store);
}

export async function importUnitFile(ctx: Ctx, file: FileContent): Promise<ImportReport[]> {
  const batch = await readUnitFile(file);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  try {
    return await importBatches(ctx.store.db, [batch], sha256);
  } finally {
    forget(ctx);
  }
}

export async function loadBuiltin(ctx: Ctx): Promise<ImportReport[]> {
  const batches = await loadBuiltinUnits();
  try {
    return await importBatches(ctx.store.db, batches, 'builtin');
  } finally {
    forget(ctx);
  }
}

/** At first start: a database without any unit gets the built-in lists. */
export async function ensureBuiltinUnits(ctx: Ctx): Promise<ImportReport[] | undefined> {
  if ((await countUnits(ctx.store.db)) > 0) return undefined;
  return loadBuiltin(ctx);
}

export async function resolvePlaceText(ctx: Ctx, text: string, opts?: ResolveOptions): Promise<PlaceResolution> {
  return resolvePlace(await getUnitIndex(ctx), text, opts);
}

export async function lookup(ctx: Ctx, query: string, opts?: LookupOptions): Promise<LookupHit[]> {
  return lookupUnits(await getUnitIndex(ctx), query, opts);
}

/**
 * A unit named the way a person types it on the command line: its id as the
 * API shows it ("y2025:commune:05815") or its GSO code ("05815"). A code that
 * several schemes or levels use is ambiguous: refused, with the ids to choose
 * from (never guessed).
 */
export async function findUnitByRef(ctx: Ctx, ref: string): Promise<{ id: string; name: string; path: string }> {
  const index = await getUnitIndex(ctx);
  const text = ref.trim();
  const byId = index.units.get(text);
  const hits = byId ? [byId] : [...index.units.values()].filter((u) => u.code === text);
  if (hits.length === 0) throw new NotFound('unit.not_found', `Không có đơn vị hành chính "${ref}" (ghi mã như API trả về, ví dụ y2025:commune:05815, hoặc mã Tổng cục Thống kê).`);
  if (hits.length > 1) {
    const choices = hits.map((u) => `${u.id} (${unitPath(index, u.id)})`).join('; ');
    throw new Invalid('unit.ambiguous', `Mã "${ref}" ứng với nhiều đơn vị: ${choices}. Hãy ghi mã đầy đủ.`, 'unit', { candidates: hits.map((u) => u.id) });
  }
  return { id: hits[0]!.id, name: hits[0]!.name, path: unitPath(index, hits[0]!.id) };
}
