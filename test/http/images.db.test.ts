/**
 * Page images over HTTP on both backends: a scan with four coloured
 * quadrants is ingested, then the IIIF endpoints are checked by decoding what
 * they return (sizes, regions, rotation), the book's manifest is validated
 * against the Presentation 3.0 shape, and a registration's PDF and the book's
 * zip of PDFs open (page count, unzip -t).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBook, listPages } from '../../src/archive/index.js';
import type { ActorContext } from '../../src/auth/index.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { signedInApp } from '../support/http.js';
import { validateInfo, validateManifest } from '../support/iiif-shape.js';
import { provinceOfBook } from '../../src/store/index.js';

const [W, H] = [1200, 1600];
const QUADRANTS = { tl: [220, 30, 30], tr: [30, 160, 40], bl: [30, 40, 200], br: [230, 200, 20] } as const;

async function quadrantScan(): Promise<Buffer> {
  const q = (rgb: readonly number[]) =>
    sharp({ create: { width: W / 2, height: H / 2, channels: 3, background: { r: rgb[0]!, g: rgb[1]!, b: rgb[2]! } } })
      .png()
      .toBuffer();
  const parts = await Promise.all([q(QUADRANTS.tl), q(QUADRANTS.tr), q(QUADRANTS.bl), q(QUADRANTS.br)]);
  return sharp({ create: { width: W, height: H, channels: 3, background: '#fff' } })
    .composite([
      { input: parts[0]!, left: 0, top: 0 },
      { input: parts[1]!, left: W / 2, top: 0 },
      { input: parts[2]!, left: 0, top: H / 2 },
      { input: parts[3]!, left: W / 2, top: H / 2 },
    ])
    .jpeg({ quality: 92 })
    .toBuffer();
}

async function centre(png: Buffer): Promise<number[]> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}
const near = (a: number[], b: readonly number[]) => a.every((v, i) => Math.abs(v - b[i]!) < 25);

describeBackends('page images over HTTP', (store) => {
  let app: FastifyInstance;
  let ctx: ActorContext;
  let dispose: () => void;
  let bookId = '';
  let auth: { authorization: string } = { authorization: '' };
  let pageIds: string[] = [];
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    let headers: { authorization: string };
    ({ app, headers } = await signedInApp(ctx));
    auth = headers;
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '02/2008' });
    bookId = book.id;
    await ingestFiles(ctx, bookId, [
      { name: 'q1.jpg', bytes: await quadrantScan() },
      {
        name: 'q2.jpg',
        bytes: await sharp(await quadrantScan())
          .rotate(180)
          .toBuffer(),
      },
    ]);
    pageIds = (await listPages(ctx, bookId)).map((p) => p.id);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    dispose();
  });
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { host: 'hotich.test', ...auth } });

  it('serves info.json of a page', async () => {
    const res = await get(`/iiif/3/${pageIds[0]}/info.json`);
    expect(res.statusCode).toBe(200);
    const info = res.json();
    expect(validateInfo(info)).toEqual([]);
    expect(info).toMatchObject({ id: `http://hotich.test/iiif/3/${pageIds[0]}`, width: W, height: H });
  });

  it('renders regions, sizes and rotations (checked by decoding)', async () => {
    const img = async (p: string) => (await get(`/iiif/3/${pageIds[0]}/${p}`)).rawPayload;
    const full = await sharp(await img('full/max/0/default.jpg')).metadata();
    expect([full.width, full.height]).toEqual([W, H]);
    const tr = await img(`${W / 2},0,${W / 2},${H / 2}/max/0/default.png`);
    expect((await sharp(tr).metadata()).width).toBe(W / 2);
    expect(near(await centre(tr), QUADRANTS.tr)).toBe(true);
    const br = await img('pct:50,50,50,50/300,/0/default.png');
    expect((await sharp(br).metadata()).width).toBe(300);
    expect(near(await centre(br), QUADRANTS.br)).toBe(true);
    const rotated = await sharp(await img('full/!400,400/90/default.jpg')).metadata();
    expect([rotated.width, rotated.height]).toEqual([400, 300]);
    const gray = await sharp(await img('full/200,/0/gray.png')).metadata();
    expect(gray.channels).toBe(1);
  });

  it('answers bad requests with IIIF status codes and Vietnamese messages', async () => {
    const bad = await get(`/iiif/3/${pageIds[0]}/full/max/45/default.jpg`);
    expect(bad.statusCode).toBe(501);
    const syntax = await get(`/iiif/3/${pageIds[0]}/nonsense/max/0/default.jpg`);
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json().error.message).toMatch(/[à-ỹ]/);
    expect((await get(`/iiif/3/00000000-0000-4000-8000-000000000000/info.json`)).statusCode).toBe(404);
  });

  it('serves a Presentation 3.0 manifest of the book', async () => {
    const res = await get(`/iiif/presentation/books/${bookId}/manifest.json`);
    expect(res.statusCode).toBe(200);
    const manifest = res.json();
    expect(validateManifest(manifest)).toEqual([]);
    expect(manifest.items).toHaveLength(2);
    expect(manifest.label.vi[0]).toContain('Sổ đăng ký khai sinh');
  });

  it('builds a registration PDF and the book zip of PDFs', async () => {
    const rec = await store()
      .db.insertInto('records')
      .values({ book_id: bookId, province_code: provinceOfBook(bookId), register_type: 'KS', template_version: 'KS-70', values: { so: '15' }, page_ids: JSON.stringify(pageIds) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store()
      .db.insertInto('records')
      .values({ book_id: bookId, province_code: provinceOfBook(bookId), register_type: 'KS', template_version: 'KS-70', values: { so: '16' }, page_ids: JSON.stringify([pageIds[1]]) })
      .execute();
    const pdfRes = await get(`/api/records/${rec.id}/pdf`);
    expect(pdfRes.statusCode).toBe(200);
    expect(pdfRes.headers['content-disposition']).toContain('_KS_2008_02-2008_15.pdf');
    const pdf = await PDFDocument.load(pdfRes.rawPayload);
    expect(pdf.getPageCount()).toBe(2);
    const zipRes = await get(`/api/books/${bookId}/registrations.zip`);
    expect(zipRes.statusCode).toBe(200);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-zip-'));
    const file = path.join(dir, 'book.zip');
    writeFileSync(file, zipRes.rawPayload);
    const listing = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(listing).toContain('No errors detected');
    expect(listing).toMatch(/_15\.pdf/);
    expect(listing).toMatch(/_16\.pdf/);
  }, 60_000);
});
