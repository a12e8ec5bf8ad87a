/**
 * Stage 4: decode and normalize each page, one page at a time (a PDF page is
 * rasterized only when its turn comes, and its pixels are dropped once its
 * master and small raster are made). Each page first waits for its pixels in
 * the app's PixelBudget (shared with every other ingest running), and holds
 * them while it is decoded. Decoder failures become StopIngest codes here.
 */
import { StopIngest } from './ingest.errors.js';
import { fail, type IngestItem, type IngestStage, type PageSource } from './ingest.stage.js';
import { derivePage, isPixelLimitError, PageTooLarge, readPageHeader } from './page-image.js';

function explain(item: IngestItem, error: unknown, page: number | undefined): StopIngest {
  if (error instanceof StopIngest) return error;
  const max = item.settings.maxPixels / 1e6;
  if (error instanceof PageTooLarge) {
    return fail(item, 'ingest.image_too_large', { page, width: error.width, height: error.height, max });
  }
  if (isPixelLimitError(error)) return fail(item, 'ingest.image_too_large', { page, max });
  if (item.kind === 'heif') return fail(item, 'ingest.heic_unsupported');
  return fail(item, 'ingest.image_corrupt', { page });
}

async function normalizeOne(item: IngestItem, source: PageSource, index: number): Promise<void> {
  const page = source.count > 1 ? index + 1 : undefined;
  const { budget, maxPixels } = item.settings;
  const decode = async () => {
    const input = await source.read(index);
    return derivePage(input, await readPageHeader(input, maxPixels), maxPixels);
  };
  try {
    const master = budget === undefined ? await decode() : await budget.with(await source.pixels(index), decode);
    item.masters.push({ index, ...master });
  } catch (error) {
    throw explain(item, error, page);
  }
  item.report({ code: 'ingest.page_decoded', page: index + 1, pages: source.count });
}

export const normalizeStage: IngestStage = {
  id: 'normalize',
  canRun: (item) => item.source !== undefined,
  run: async (item) => {
    const source = item.source;
    if (source === undefined) throw new Error('normalize: the expand stage has not run');
    for (let index = 0; index < source.count; index++) await normalizeOne(item, source, index);
  },
};
