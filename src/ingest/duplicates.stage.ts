/**
 * Stage 6: near-duplicates inside the file (the same sheet twice in one PDF).
 * Duplicates against the rest of the book are the archive's call, with the
 * same markNearDuplicates and the book's existing hashes.
 */
import type { IngestStage } from './ingest.stage.js';
import { markNearDuplicates } from './near-duplicates.js';

export const duplicatesStage: IngestStage = {
  id: 'duplicates',
  canRun: (item) => item.pages.length > 1,
  run: async (item) => {
    markNearDuplicates(item.pages);
  },
};
