/**
 * Reading an issued PDF back as a reader would: its text (pdfjs-dist's text
 * layer, NFC) and the QR code on its first page (rendered with @napi-rs/canvas
 * at 200 dpi, decoded with jsQR).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import jsQRModule from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** jsQR is a CommonJS bundle: its default import is the function at run time, whatever the types say. */
const jsQR = jsQRModule as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const OPTIONS = { standardFontDataUrl: `${DIR}/standard_fonts/`, cMapUrl: `${DIR}/cmaps/`, wasmUrl: `${DIR}/wasm/`, isEvalSupported: false, verbosity: 0 } as const;

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ ...OPTIONS, data: new Uint8Array(bytes) }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : '');
  }
  await doc.destroy();
  return parts.join('').normalize('NFC');
}

export async function pdfQr(bytes: Uint8Array): Promise<string | undefined> {
  const doc = await getDocument({ ...OPTIONS, data: new Uint8Array(bytes) }).promise;
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: 200 / 72 });
  const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: 'white' }).promise;
  const img = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  await doc.destroy();
  return jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength), canvas.width, canvas.height)?.data;
}
