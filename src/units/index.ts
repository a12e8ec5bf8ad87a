/**
 * units — administrative units through time: the pre-2025 GSO coding
 * (province / district / commune), the two-level system of 1 July 2025 and
 * the provinces that ended before 2004, with successor links and aliases.
 * Owns the importer of official lists and the place-text resolver.
 * Invariants: a unit is identified by scheme + level + code; units are never
 * deleted; an import is one transaction and importing twice changes nothing;
 * a divided unit has exactly one main successor; ambiguity is reported,
 * never guessed.
 */
export * from './unit.types.js';
export { importBatches, historicBatch, type ImportReport, type ImportCounts } from './import.service.js';
export { HISTORIC_PROVINCES } from './historic-provinces.js';
export { buildUnitIndex, unitPath, ancestry, successorsIn2025, type UnitIndex, type IndexedUnit } from './unit-index.js';
export { shortName } from './unit-kind.js';
export { resolvePlace, type PlaceResolution, type PlaceCandidate, type ResolveOptions } from './resolve.js';
export { lookupUnits, type LookupHit, type LookupOptions } from './lookup.js';
export { readUnitFile, UnitFileError, UNIT_FORMATS, type FileContent } from './formats/index.js';
export { loadBuiltinUnits } from './builtin/index.js';
export { getUnitIndex, importUnitFile, loadBuiltin, ensureBuiltinUnits, resolvePlaceText, lookup, findUnitByRef } from './units.service.js';
export { loadIndexRows, countUnits, rebuildWithin } from './units.repo.js';
export { unitsRoutes } from './units.routes.js';
