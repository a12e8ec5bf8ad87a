/**
 * Stage 5: thumbnail, dhash, resolution and quality flags for each master,
 * from its small raster (the master itself is not decoded again), turning the
 * masters into ProcessedPages.
 */
import type { IngestStage } from './ingest.stage.js';
import { analyzeSmall } from './page-quality.js';

export const analyzeStage: IngestStage = {
  id: 'analyze',
  canRun: (item) => item.masters.length > 0,
  run: async (item) => {
    const masters = item.masters.splice(0);
    for (const master of masters) {
      const { small, ...kept } = master;
      const { thumbnail, dhash, dpiAtA4, flags } = await analyzeSmall(small, master.width, master.height);
      item.pages.push({ ...kept, thumbnail, dhash, dpiAtA4, flags });
      item.report({ code: 'ingest.page_analyzed', page: master.index + 1, pages: masters.length });
    }
  },
};
