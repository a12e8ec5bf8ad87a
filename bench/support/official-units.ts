/**
 * The official administrative-unit lists of ../shared/data/admin-units taken
 * through the product's own importer (importUnitFile) into an in-memory
 * PGlite, and the unit index the job reads from its database (getUnitIndex):
 * benches resolve places exactly as the running app does. Nothing is copied
 * into the repository.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/core/index.js';
import { migrate, openStore, type Store } from '../../src/store/index.js';
import { getUnitIndex, importUnitFile, type UnitIndex } from '../../src/units/index.js';

/** In import order: districts before their communes, units before the links and aliases that name them. */
export const OFFICIAL_UNIT_FILES = [
  'gso-legacy-districts-2025-07-18.csv',
  'gso-legacy-communes-2025-07-18.csv',
  'provinces-2025-ctk915.csv',
  'units-2025-34-provinces.csv',
  'legacy-to-2025-mapping.csv',
  'legacy-alias-provinces.csv',
  'legacy-alias-districts.csv',
  'legacy-alias-communes.csv',
] as const;

/** Imports the official lists into a migrated store (the app's own, for a bench that runs the OCR job in the app). */
export async function importOfficialUnits(store: Store): Promise<void> {
  const dir = path.join(loadConfig().sharedDir, 'data', 'admin-units');
  for (const name of OFFICIAL_UNIT_FILES) await importUnitFile({ store }, { name, bytes: readFileSync(path.join(dir, name)) });
}

export async function officialUnitIndex(): Promise<UnitIndex> {
  const store = await openStore({});
  try {
    await migrate(store.db);
    await importOfficialUnits(store);
    return await getUnitIndex({ store });
  } finally {
    await store.close();
  }
}
