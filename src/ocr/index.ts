/**
 * ocr — the machine reads printed and typed register pages before a person
 * does. An engine behind an interface (engine.ts; Tesseract 5 with the local
 * Vietnamese model today, tesseract.ts; a handwriting model later) reads the
 * ruled table that the register catalog's page layout describes
 * (registers/page-layout.ts) after deskew and binarization (preprocess.ts,
 * table.ts, read-page.ts); values are normalized like typed input and OCR
 * confusions typical of Vietnamese make them uncertain (values.ts); a place
 * that resolves to one unit is written as the unit list writes it, its unit
 * names as sure as the resolution (place-value.ts, place-check.ts). The stage
 * runs as the 'ocr.book' job (re-setting the thresholds: 'ocr.thresholds');
 * the keying screen asks prefillFor(record): only certain values at or above
 * their kind's threshold are pre-filled, and thresholds come from measured machine accuracy (thresholds.ts).
 * Invariants: nothing is downloaded (the model is the local traineddata); a
 * page marked or detected handwritten is skipped with a reason, never read;
 * pre-fill is a suggestion until the keyer saves it (the keyed action then
 * records each field's provenance, machine or person: src/entry).
 */
export type { OcrEngine, OcrWord, OcrBox } from './engine.js';
export { tesseractEngine, parseTsv } from './tesseract.js';
export { readPage, SKIP_REASONS, type PageReading, type ReadRow, type ReadField, type PageBox, type SkipReason } from './read-page.js';
export { prepare, measureSkew, otsu } from './preprocess.js';
export { findTable, type Table } from './table.js';
export { normalizeRow, kindOfType, FIELD_KINDS, KIND_LABELS, UNCERTAIN_LABELS, type OcrValue, type FieldKind, type UncertainReason, type PlaceCheck, type PlaceMatch } from './values.js';
export { unitPlaceCheck } from './place-check.js';
export { calibrate, thresholdFor, TARGET_ACCURACY, MIN_SAMPLES, DEFAULT_THRESHOLD, NEVER, type Sample, type KindThreshold } from './thresholds.js';
export {
  startBookOcr,
  ocrBook,
  runOcrJob,
  markHandwritten,
  bookOcrPages,
  prefillFor,
  confidentValues,
  currentThresholds,
  machineSamples,
  recalibrateThresholds,
  startRecalibration,
  runThresholdsJob,
  OCR_BOOK_JOB,
  OCR_THRESHOLDS_JOB,
  type OcrBookJob,
  type OcrThresholdsJob,
  type OcrBookResult,
  type Prefill,
  type PrefillField,
  type OcrPageStatus,
} from './ocr.service.js';
export { ocrRoutes } from './ocr.routes.js';
export { cer, levenshtein } from './cer.js';
