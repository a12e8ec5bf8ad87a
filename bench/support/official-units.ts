/**
 * The official administrative-unit lists of ../shared/data/admin-units taken
 * through the product's own importer (importUnitFile) into an in-memory
 * PGlite, and the unit index the job reads from its database (getUnitIndex):
 * benches resolve places exactly as the running app does. Nothing is copied
 * into the repository.
 */
import { readFileSync } from 'node:fs';
import { migrate, openStore, type Store } from '../../src/store/index.js';
import { OFFICIAL_UNIT_FILES, sharedPath } from '../../test/support/shared.js';
import { getUnitIndex, importUnitFile, type UnitIndex } from '../../src/units/index.js';

/** Imports the official lists into a migrated store (the app's own, for a bench that runs the OCR job in the app). */
export async function importOfficialUnits(store: Store): Promise<void> {
  for (const name of OFFICIAL_UNIT_FILES) await importUnitFile({ store }, { name, bytes: readFileSync(sharedPath('data', 'admin-units', name)) });
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
