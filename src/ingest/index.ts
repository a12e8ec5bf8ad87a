/**
 * ingest — from one uploaded file's bytes to its normalized pages (ProcessedFile).
 * Owns: type sniffing by content, PDF/TIFF expansion, decoding guards, masters,
 * thumbnails, dhash and quality flags; ingestFiles hands the result to the
 * archive (which stores it) and reports duplicates and rejected files; resumable
 * uploads (tus) at /api/uploads end in an ingest.
 * Invariants: a file's name is display text, never a path; its type comes from
 * its bytes, never its extension; pages are decoded one at a time and their size
 * is checked from the header before decoding, and every page waits for its
 * pixels in the app's PixelBudget (decoded megapixels in flight across all
 * concurrent ingests, HOTICH_INGEST_MEGAPIXELS); a page is decoded once and its
 * master and thumbnail both come from that decode; a failure is a StopIngest
 * with a stable code and a Vietnamese message naming the file; progress is
 * stable codes.
 */
export { processFile, runStages, INGEST_STAGES } from './process-file.service.js';
export { markNearDuplicates, hammingDistance, NEAR_DUPLICATE_DISTANCE } from './near-duplicates.js';
export { StopIngest, INGEST_ERRORS, type IngestErrorCode, type IngestErrorParams } from './ingest.errors.js';
export { INGEST_DEFAULTS, INGEST_PROGRESS, type IngestItem, type ProcessProgress, type ProcessProgressCode, type IngestStage, type ProcessOptions } from './ingest.stage.js';
export { cleanFileName } from './file-name.js';
export { PAGE_FLAGS, type PageFlag, type ProcessedFile, type ProcessedPage } from './ingest.types.js';
export { ingestFiles, type IngestInput, type IngestProgress, type IngestSummary } from './ingest.service.js';
export { uploadRoutes, UPLOAD_PATH } from './upload.routes.js';
export { PixelBudget, pixelBudgetOf, type PixelBudgetStats } from './pixel-budget.js';
