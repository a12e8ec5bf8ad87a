/**
 * Image files as page sources: a TIFF has as many pages as its header says
 * (scanner batches, fax-style multi-page files), every other image one page.
 * Nothing is decoded here; each page is decoded later, one at a time.
 */
import sharp from 'sharp';
import type { FileKind, PageSource } from './ingest.stage.js';

/** Thrown when the header cannot even be read; the expand stage names it for the user. */
export class UnreadableImage extends Error {}

export async function openImagePages(bytes: Buffer, kind: Exclude<FileKind, 'pdf'>): Promise<PageSource> {
  const count = kind === 'tiff' ? await tiffPageCount(bytes) : 1;
  return {
    count,
    pixels: async (index) => {
      const { width = 0, height = 0 } = await sharp(bytes, { limitInputPixels: false, ...(kind === 'tiff' ? { page: index } : {}) }).metadata();
      return width * height;
    },
    read: async (index) => (kind === 'tiff' ? { data: bytes, page: index } : { data: bytes }),
    close: async () => {},
  };
}

async function tiffPageCount(bytes: Buffer): Promise<number> {
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata(); // header only
    return meta.pages ?? 1;
  } catch (error) {
    throw new UnreadableImage(error instanceof Error ? error.message : String(error));
  }
}
