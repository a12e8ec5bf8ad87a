/**
 * PDF pages rasterized in-process: pdfjs-dist 5.4 (legacy build, the line that
 * still runs on Node 20) drawing on @napi-rs/canvas, one page at a time at the
 * requested dpi, handed on as raw RGBA. The document stays open until close().
 * Safety: eval off, errors stop rendering (no silent half pages), embedded
 * images and the page raster are both capped at maxPixels.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { IngestErrorCode, IngestErrorParams, StopIngest } from './ingest.errors.js';
import type { IngestSettings, PageInput, PageSource } from './ingest.stage.js';

type Fail = (code: IngestErrorCode, params?: IngestErrorParams) => StopIngest;

/** A complete PDF ends with %%EOF within its last KB; a cut upload does not. */
const EOF_WINDOW = 1024;
const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const assetDir = (name: string): string => `${path.join(PDFJS_DIR, name)}/`;
const PDF_OPTIONS = {
  standardFontDataUrl: assetDir('standard_fonts'),
  cMapUrl: assetDir('cmaps'),
  wasmUrl: assetDir('wasm'),
  iccUrl: assetDir('iccs'),
  isEvalSupported: false,
  stopAtErrors: true,
  verbosity: 0,
} as const;

export async function openPdfPages(bytes: Buffer, settings: IngestSettings, fail: Fail): Promise<PageSource> {
  if (!bytes.subarray(-EOF_WINDOW).includes('%%EOF', 0, 'latin1')) throw fail('ingest.pdf_corrupt');
  const task = getDocument({ ...PDF_OPTIONS, data: new Uint8Array(bytes), maxImageSize: settings.maxPixels });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw fail(error instanceof Error && error.name === 'PasswordException' ? 'ingest.pdf_encrypted' : 'ingest.pdf_corrupt');
  }
  return {
    count: doc.numPages,
    pixels: async (index) => {
      const page = await doc.getPage(index + 1).catch(() => {
        throw fail('ingest.pdf_corrupt', { page: index + 1 });
      });
      const { width, height } = page.getViewport({ scale: settings.pdfDpi / 72 });
      return Math.round(width) * Math.round(height);
    },
    read: (index) => renderPage(doc, index, settings, fail),
    close: () => doc.destroy(),
  };
}

async function renderPage(doc: PDFDocumentProxy, index: number, settings: IngestSettings, fail: Fail): Promise<PageInput> {
  const page = await doc.getPage(index + 1).catch(() => {
    throw fail('ingest.pdf_corrupt', { page: index + 1 });
  });
  try {
    const viewport = page.getViewport({ scale: settings.pdfDpi / 72 });
    const width = Math.round(viewport.width);
    const height = Math.round(viewport.height);
    if (width < 1 || height < 1) throw fail('ingest.pdf_corrupt', { page: index + 1 });
    if (width * height > settings.maxPixels) {
      throw fail('ingest.image_too_large', { page: index + 1, width, height, max: settings.maxPixels / 1e6 });
    }
    const canvas = createCanvas(width, height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: 'white' }).promise.catch(() => {
      throw fail('ingest.pdf_corrupt', { page: index + 1 });
    });
    const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    return { data: Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength), raw: { width, height, channels: 4 } };
  } finally {
    page.cleanup();
  }
}
