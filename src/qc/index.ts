/**
 * qc — quality control of keyed registrations (issue #7).
 * Keying side (this file's first part): the QC mode of a book (single keying
 * + peer review, double-blind keying, double keying of critical fields);
 * independent keying passes A and B of a registration (records.keying_of);
 * field-by-field comparison after a normalization that cannot hide a real
 * difference; arbitration of disagreements by a third person; peer review;
 * book-level checks. Acceptance side (block at the end): statistics,
 * sampling, lots, keyer accuracy, reports.
 * Invariants: a keying pass is never exported, counted or listed as a
 * registration, and only its keyer (and admin) reads it; pass B never sees
 * pass A's values nor who keyed it; an arbitrator never arbitrates a
 * registration they keyed; every value and decision is kept as a record
 * action on the registration (compared, arbitrated, verified); comparison is
 * idempotent.
 */
export { criticalFieldKeys } from './critical-fields.js';
export { QC_MODES, QC_MODE_LABELS, isDoubleKeyed, findQcMode, getQcSetting, setQcMode, SetQcModeInput, type QcMode, type QcSetting } from './qc-mode.js';
export { listArbitrationOutcomes, listReviewOutcomes, countKeyedFields, type ArbitrationOutcome, type ReviewOutcome, type KeyedFieldCount, type OutcomeFilter } from './outcomes.js';
export { comparable, comparePasses, choiceOf, aShownFirst, type Comparison, type Disagreement } from './compare.js';
export { compareIfReady, compareBook, COMPARE_ROUND, type CompareResult, type CompareOutcome, type BookCompareSummary } from './compare.service.js';
export { createRecordInBook, claimPass, keyingQueue, completePass, passFields, ClaimPassInput, type KeyingQueue, type QueueItem, type CompletedPass } from './passes.service.js';
export { getArbitrationItem, nextArbitration, decide, DecideInput, type ArbitrationItem, type NextArbitration, type Decision } from './arbitration.service.js';
export { reviewQueue, verifyRecord, VerifyInput } from './review.service.js';
export { bookChecks, numberRanges, CHECK_CODES, CHECK_SEVERITY, type CheckCode, type BookCheckFinding, type NeighbourRange } from './book-checks.js';
export { getBookChecks, resolveBookCheck, ResolveCheckInput, type BookChecklist, type BookCheckItem, type CheckResolution } from './book-checks.service.js';
export { qcEntryPolicy } from './policy.js';
export { qcKeyingRoutes } from './qc-keying.routes.js';
// acceptance
export { regularizedBeta, inverseRegularizedBeta, logGamma } from './stats-beta.js';
export { clopperPearson, clopperPearsonUpper, wilson, binomialCdf, sampleSizeForUpperBound, Z_ONE_SIDED_95, Z_TWO_SIDED_95, type Interval } from './stats-interval.js';
export { codeLetter, singlePlan, planVerdict, isAql, type SinglePlan } from './iso2859.js';
export { AQL_VALUES, CODE_LETTERS, INSPECTION_LEVELS, SEVERITIES, type CodeLetter, type InspectionLevel, type Severity } from './iso2859-tables.js';
export { switchingState, type DecidedLot, type SwitchingState, type SwitchingSeverity } from './iso2859-switching.js';
export { rivestPick, rivestSequence, rivestSample, newSeed, manifestHash, SAMPLER_VERSION } from './sample-rivest.js';
export { planLot, sampleComplete, DEFAULT_TARGETS, DEFAULT_AQL, type Targets, type LotPlan, type IsoLotPlan, type ConfidenceLotPlan, type PlanInput } from './acceptance-plan.js';
export { summarizeChecks, decideLot, rateStats, type FieldCheck, type RateStats, type GroupStats, type LotFindings, type LotDecision, type Verdict } from './acceptance.js';
export { keyerStatus, DEFAULT_PROMOTION_RULE, promotionRuleOf, type KeyerEvent, type KeyerStatus, type KeyerMode, type PromotionRule, type TransitionReason } from './keyer-accuracy-rule.js';
export { LotScope, CreateLotInput, SubmitChecksInput, DecideLotInput } from './lot.schema.js';
export { createLot, getLot, listLotViews, supplierSwitching, type LotView, type LotStatus } from './lot.service.js';
export { listSample, getSampledRecord, submitChecks, type SampleItem, type SampledRecord } from './lot-checks.service.js';
export { decideSampledLot, type RecordCorrection, type CorrectionOutcome } from './lot-decision.service.js';
export { checkableFields, filledCounts, type CheckableField } from './lot-fields.js';
export { listKeyerAccuracy, keyerMode, type KeyerAccuracy } from './keyer-accuracy.service.js';
export { machineAccuracy, type MachineAccuracy } from './machine-accuracy.service.js';
export { lotReportPdf, lotReportXlsx } from './report.service.js';
export { reportContent, type ReportContent } from './report-content.js';
export { qcAcceptanceRoutes } from './lot.routes.js';
