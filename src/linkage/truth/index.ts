/**
 * truth — the synthetic province with known identities (generate.ts), its
 * keying errors (errors.ts) and its true links (pairs.ts). Used by tests,
 * bench/linkage.bench.ts and the demo; never by production code paths.
 */
export { generateProvince, truthId, type Province, type ProvinceOptions, type NameTables, type Identity } from './generate.js';
export { truePairs, pairKey, type TruthKind } from './pairs.js';
export { applyNameError, keyName, keyDate, oldStyleTone, dateText, type NameError, type TrueDate } from './errors.js';
