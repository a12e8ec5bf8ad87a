/**
 * linkage — one person, many registrations (issue 16): duplicates (the same
 * registration keyed twice), re-registrations (đăng ký lại), birth ↔ death,
 * birth ↔ marriage (either spouse), and TĐCC corrections ↔ the registration
 * they change.
 * Pure core (no database): features.ts (persons of a registration, keyed by
 * src/vn nameKeys and read through the register catalog), compare.ts (levels
 * per field), kinds.ts (per kind: comparisons, blocking keys, training
 * keys, constraints), pairs.ts (blocked pairs), train.ts (u from random
 * pairs, m by EM, λ, term frequencies), score.ts (Fellegi–Sunter weights and
 * the explanation), rules.ts (deterministic rules as Zod-validated data),
 * reference.ts (TĐCC links), link.ts (the run). truth/ builds a synthetic
 * province with known identities for tests, the benchmark and the demo.
 * Invariants: every candidate carries its explanation (each field agreed /
 * partly / disagreed / missing with its weight); missing is neutral; record
 * ids of a pair are ordered (a < b); the same input gives the same output.
 */
export { personsOf, nameParts, dayNumber, SUBJECT_ROLES, type LinkRecord, type Person } from './features.js';
export { withinEdits, soundKey, autoEdits } from './distance.js';
export { dateLevel, MISSING, type Comparison } from './compare.js';
export { MODELS, DUPLICATE, DEATH, MARRIAGE, LINK_KINDS, KIND_LABELS, type LinkKind, type KindModel } from './kinds.js';
export { forEachPair, type BlockStats } from './pairs.js';
export { train, estimateU, type Params } from './train.js';
export { scorePair, TF_MIN_U, type Explanation, type FieldExplanation, type FieldStatus, type Scored } from './score.js';
export { parseRules, evaluate, matchingRules, RULE_FIELDS, RuleFileSchema, type Rule, type Clause } from './rules.js';
export { DEFAULT_RULES } from './default-rules.js';
export { correctionLinks } from './reference.js';
export { linkRecords, linkPersons, featureTable, type Candidate, type LinkOptions, type LinkResult } from './link.js';
export {
  generateProvince,
  generateRecords,
  identityOf,
  truePairs,
  pairCode,
  pairOf,
  truthId,
  truthIndex,
  keyName,
  keyDate,
  applyNameError,
  oldStyleTone,
  type Province,
  type ProvinceOptions,
  type NameTables,
  type Truth,
  type TruthKind,
} from './truth/index.js';
export { MIN_TRAINING_PERSONS } from './link.js';
export {
  markForLinkage,
  startLinkage,
  runLinkageJob,
  listCandidates,
  getCandidate,
  decideCandidate,
  droppedDuplicates,
  type LinkageJob,
  type RunReport,
  type CandidateView,
} from './linkage.service.js';
export { linkageRoutes } from './linkage.routes.js';
