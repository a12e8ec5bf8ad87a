/**
 * The units module's operations on a context: import a list file, load the
 * built-in lists, keep one in-memory index per database (rebuilt after an
 * import), resolve place text, autocomplete.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../core/index.js';
import type { Store } from '../store/index.js';
import { loadBuiltinUnits } from './builtin/index.js';
import { readUnitFile, type FileContent } from './formats/index.js';
import { importBatches, type ImportReport } from './import.service.js';
import { lookupUnits, type LookupHit, type LookupOptions } from './lookup.js';
import { resolvePlace, type PlaceResolution, type ResolveOptions } from './resolve.js';
import { buildUnitIndex, type UnitIndex } from './unit-index.js';
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
