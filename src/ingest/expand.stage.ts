/**
 * Stage 3: the file's pages. Opens a page source (PDF rasterizer, multi-page
 * TIFF, or a single image) without decoding any page yet; cleanup closes it.
 */
import { fail, type IngestItem, type IngestStage } from './ingest.stage.js';
import { openImagePages, UnreadableImage } from './image-pages.js';
import { openPdfPages } from './pdf-pages.js';

async function open(item: IngestItem, kind: NonNullable<IngestItem['kind']>) {
  if (kind === 'pdf') return openPdfPages(item.bytes, item.settings, (code, params) => fail(item, code, params));
  try {
    return await openImagePages(item.bytes, kind);
  } catch (error) {
    if (error instanceof UnreadableImage) throw fail(item, 'ingest.image_corrupt');
    throw error;
  }
}

export const expandStage: IngestStage = {
  id: 'expand',
  canRun: (item) => item.kind !== undefined,
  run: async (item) => {
    if (item.kind === undefined) throw new Error('expand: the sniff stage has not run');
    const source = await open(item, item.kind);
    item.source = source;
    if (source.count === 0) throw fail(item, 'ingest.pdf_no_pages');
    if (source.count > item.settings.maxPages) {
      throw fail(item, 'ingest.too_many_pages', { pages: source.count, max: item.settings.maxPages });
    }
    item.report({ code: 'ingest.expanded', pages: source.count });
  },
  cleanup: async (item) => {
    await item.source?.close();
    item.source = undefined;
  },
};
