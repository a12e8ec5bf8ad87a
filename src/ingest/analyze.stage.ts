/**
 * Stage 5: thumbnail, dhash, resolution and quality flags for each master,
 * turning the masters into ProcessedPages.
 */
import type { IngestStage } from './ingest.stage.js';
import { analyzePage } from './page-quality.js';

export const analyzeStage: IngestStage = {
  id: 'analyze',
  canRun: (item) => item.masters.length > 0,
  run: async (item) => {
    const masters = item.masters.splice(0);
    for (const master of masters) {
      const { thumbnail, dhash, dpiAtA4, flags } = await analyzePage(master.image, master.width, master.height);
      item.pages.push({ ...master, thumbnail, dhash, dpiAtA4, flags });
      item.report({ code: 'ingest.page_analyzed', page: master.index + 1, pages: masters.length });
    }
  },
};
