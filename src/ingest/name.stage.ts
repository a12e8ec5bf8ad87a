/**
 * Stage 1: the display name. Every later message names the file by this
 * cleaned name, so it runs first and cannot fail.
 */
import { cleanFileName } from './file-name.js';
import type { IngestStage } from './ingest.stage.js';

export const nameStage: IngestStage = {
  id: 'name',
  canRun: () => true,
  run: async (item) => {
    item.name = cleanFileName(item.rawName);
  },
};
