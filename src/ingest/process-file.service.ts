/**
 * processFile: one uploaded file's bytes in, a ProcessedFile out, by running
 * the stage list in order over one work item. No storage here: the caller
 * (archive) stores the pages. Throws StopIngest when a stage ends the ingest;
 * every stage that ran gets its cleanup, success or not.
 */
import { createHash } from 'node:crypto';
import { analyzeStage } from './analyze.stage.js';
import { duplicatesStage } from './duplicates.stage.js';
import { expandStage } from './expand.stage.js';
import { UNNAMED_FILE } from './file-name.js';
import { INGEST_DEFAULTS, type IngestItem, type IngestSettings, type IngestStage, type ProcessOptions } from './ingest.stage.js';
import type { ProcessedFile } from './ingest.types.js';
import { nameStage } from './name.stage.js';
import { normalizeStage } from './normalize.stage.js';
import { sniffStage } from './sniff.stage.js';

export const INGEST_STAGES: readonly IngestStage[] = [nameStage, sniffStage, expandStage, normalizeStage, analyzeStage, duplicatesStage];

function settingsFrom(opts: ProcessOptions): IngestSettings {
  const settings = {
    pdfDpi: opts.pdfDpi ?? INGEST_DEFAULTS.pdfDpi,
    maxPixels: opts.maxPixels ?? INGEST_DEFAULTS.maxPixels,
    maxPages: opts.maxPages ?? INGEST_DEFAULTS.maxPages,
    budget: opts.budget,
  };
  if (!(settings.pdfDpi >= 36 && settings.pdfDpi <= 1200)) throw new RangeError('pdfDpi must be between 36 and 1200');
  if (!(settings.maxPixels > 0 && settings.maxPages > 0)) throw new RangeError('maxPixels and maxPages must be positive');
  return settings;
}

/** Runs the stages that can run, in order; then the cleanups of those that ran, in reverse. */
export async function runStages(stages: readonly IngestStage[], item: IngestItem): Promise<void> {
  const ran: IngestStage[] = [];
  let failed = false;
  try {
    for (const stage of stages) {
      if (!stage.canRun(item)) continue;
      ran.push(stage);
      await stage.run(item);
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await cleanupAll(ran.reverse(), item, failed);
  }
}

/** A cleanup error never hides the error that ended the run; after a success it is thrown. */
async function cleanupAll(stages: IngestStage[], item: IngestItem, failed: boolean): Promise<void> {
  let first: unknown;
  for (const stage of stages) {
    try {
      await stage.cleanup?.(item);
    } catch (error) {
      first ??= error;
    }
  }
  if (!failed && first !== undefined) throw first;
}

export async function processFile(input: { name: string; bytes: Buffer }, opts: ProcessOptions = {}): Promise<ProcessedFile> {
  const item: IngestItem = {
    bytes: input.bytes,
    rawName: input.name,
    settings: settingsFrom(opts),
    report: opts.onProgress ?? (() => {}),
    name: UNNAMED_FILE,
    masters: [],
    pages: [],
  };
  await runStages(INGEST_STAGES, item);
  if (item.kind === undefined) throw new Error('processFile: the sniff stage did not run');
  item.report({ code: 'ingest.done', pages: item.pages.length });
  const sha256 = opts.sha256 ?? createHash('sha256').update(input.bytes).digest('hex');
  return { name: item.name, sha256, kind: item.kind, pages: item.pages };
}
