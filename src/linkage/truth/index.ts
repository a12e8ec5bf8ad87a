/**
 * truth — the synthetic province with known identities (generate.ts), its
 * keying errors (errors.ts) and its true links (pairs.ts). Used by tests,
 * bench/linkage.bench.ts and the demo; never by production code paths.
 * generateRecords streams the records and keeps the truth in typed arrays
 * (a million registrations fit); generateProvince collects them.
 */
export { generateProvince, generateRecords, identityOf, truthId, truthIndex, TRUTH_TYPES, type Province, type ProvinceOptions, type NameTables, type Identity, type Truth } from './generate.js';
export { truePairs, pairCode, pairOf, type TruthKind } from './pairs.js';
export { applyNameError, keyName, keyDate, oldStyleTone, dateText, type NameError, type TrueDate } from './errors.js';
