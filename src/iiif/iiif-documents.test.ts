/**
 * info.json and the book Manifest, checked by a small structural validator of
 * the Image API 3.0 / Presentation API 3.0 shapes (required keys, types, ids
 * are URIs, language maps, canvases with size and one painting annotation
 * targeting them). The validator is itself tested on broken documents.
 */
import { describe, expect, it } from 'vitest';
import { IiifError } from './iiif-error.js';
import { infoJson, thumbnailSizes } from './image-info.js';
import { bookManifest, type BookManifestInput } from './manifest.js';

import { arr, obj, validateInfo, validateManifest, type Json } from '../../test/support/iiif-shape.js';

const BASE = 'https://hotich.example.vn/iiif';
const book = (pages = 3): BookManifestInput => ({
  id: `${BASE}/books/42/manifest`,
  label: 'Sổ đăng ký khai sinh năm 1995, quyển 01'.normalize('NFD'),
  metadata: [{ label: 'Nơi đăng ký', value: 'UBND xã Hòa Bình' }],
  pages: Array.from({ length: pages }, (_, i) => ({
    id: `${BASE}/books/42/canvas/${i + 1}`,
    label: `Trang ${i + 1}`,
    width: 2480,
    height: 3508,
    serviceId: `${BASE}/3/page-${i + 1}`,
    ...(i === 0 ? { thumbnailId: `${BASE}/3/page-1/full/200,/0/default.jpg` } : {}),
  })),
});

describe('info.json', () => {
  it('is an Image API 3.0 level1 document with thumbnail sizes', () => {
    const info = infoJson({ id: `${BASE}/3/page-1`, width: 2480, height: 3508, maxWidth: 3000 });
    expect(validateInfo(info)).toEqual([]);
    expect(info).toMatchObject({
      profile: 'level1',
      maxWidth: 3000,
      sizes: [
        { width: 200, height: 283 },
        { width: 800, height: 1132 },
      ],
    });
    expect(info.extraFormats).toEqual(['png', 'webp']);
    expect(info.extraQualities).toEqual(['color', 'gray', 'bitonal']);
    expect(info).not.toHaveProperty('maxHeight');
  });

  it('takes the sizes given and omits empty ones', () => {
    expect(infoJson({ id: `${BASE}/x`, width: 100, height: 50, sizes: [{ width: 50, height: 25 }] }).sizes).toEqual([{ width: 50, height: 25 }]);
    expect(infoJson({ id: `${BASE}/x`, width: 100, height: 50 })).not.toHaveProperty('sizes');
    expect(thumbnailSizes(1000, 800, [150, 150, 2000])).toEqual([{ width: 150, height: 120 }]);
  });

  it('refuses ids that are not base URIs', () => {
    expect(() => infoJson({ id: 'page-1', width: 1, height: 1 })).toThrow(TypeError);
    expect(() => infoJson({ id: `${BASE}/x/`, width: 1, height: 1 })).toThrow(TypeError);
  });

  it('the validator catches a broken document', () => {
    const info = { ...infoJson({ id: `${BASE}/x`, width: 1000, height: 800 }), id: 'x', type: 'ImageService2', width: 0 };
    expect(validateInfo(info)).toEqual(['id', 'type', 'width/height', 'sizes entry', 'sizes entry']);
  });
});

describe('book manifest', () => {
  it('is a Presentation 3.0 Manifest: one canvas per page, each painted by its image service', () => {
    const m = bookManifest(book());
    expect(validateManifest(m)).toEqual([]);
    expect(m.label).toEqual({ vi: ['Sổ đăng ký khai sinh năm 1995, quyển 01'] });
    expect(m.behavior).toEqual(['paged']);
    expect(m.items).toHaveLength(3);
    const body = m.items[1]?.items[0]?.items[0]?.body;
    expect(body).toMatchObject({ type: 'Image', width: 2480, height: 3508, service: [{ id: `${BASE}/3/page-2`, type: 'ImageService3', profile: 'level1' }] });
    expect(m.thumbnail).toEqual([{ id: `${BASE}/3/page-1/full/200,/0/default.jpg`, type: 'Image', format: 'image/jpeg' }]);
    expect(m.items[2]?.thumbnail[0]?.id).toBe(`${BASE}/3/page-3/full/!200,200/0/default.jpg`);
  });

  it('refuses an empty book with 404 and bad ids with a TypeError', () => {
    const empty = (() => {
      try {
        return bookManifest(book(0));
      } catch (e) {
        return e;
      }
    })();
    expect(empty).toBeInstanceOf(IiifError);
    expect(empty).toMatchObject({ status: 404, code: 'iiif.manifest_empty' });
    const bad = book(1);
    expect(() => bookManifest({ ...bad, pages: [{ ...bad.pages[0]!, serviceId: 'page-1' }] })).toThrow(TypeError);
    expect(() => bookManifest({ ...bad, pages: [bad.pages[0]!, bad.pages[0]!] })).toThrow(TypeError);
  });

  it('the validator catches broken canvases', () => {
    const m = structuredClone(bookManifest(book(2))) as unknown as { items: Json[]; label: unknown };
    m.label = { vi: [] };
    delete m.items[0]!.width;
    const anno = obj(arr(obj(arr(m.items[1]!.items)[0])?.items)[0])!;
    anno.target = `${BASE}/elsewhere`;
    expect(validateManifest(m)).toEqual(['manifest label', `canvas ${BASE}/books/42/canvas/1 width/height`, `canvas ${BASE}/books/42/canvas/2 annotation targets it`]);
    expect(validateManifest({ ...m, items: [] })).toContain('items non-empty');
  });
});
