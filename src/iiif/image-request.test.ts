/**
 * parseImageRequest: every region, size, rotation, quality and format form of
 * IIIF Image API 3.0, and the 400/501 error cases with their stable codes.
 */
import { describe, expect, it } from 'vitest';
import { IiifError } from './iiif-error.js';
import { parseImageRequest, parseQualityFormat, parseRegion, parseRotation, parseSize } from './image-request.js';

function failure(fn: () => unknown): { status: number; code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof IiifError) return { status: e.status, code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an IiifError');
}

describe('region', () => {
  it('parses every form', () => {
    expect(parseRegion('full')).toEqual({ kind: 'full' });
    expect(parseRegion('square')).toEqual({ kind: 'square' });
    expect(parseRegion('0,10,500,400')).toEqual({ kind: 'pixels', x: 0, y: 10, w: 500, h: 400 });
    expect(parseRegion('pct:10,20.5,50,25')).toEqual({ kind: 'percent', x: 10, y: 20.5, w: 50, h: 25 });
  });

  it.each(['', 'Full', '1,2,3', '1,2,3,4,5', '-1,0,10,10', '1.5,0,10,10', 'pct:1,2,3', 'pct:-1,0,10,10', 'pct:.5,0,1,1', 'pct:', ' full', '0,0,1e3,10'])('rejects %j with 400', (s) => {
    expect(failure(() => parseRegion(s))).toMatchObject({ status: 400, code: 'iiif.region_syntax' });
  });

  it('rejects zero width or height', () => {
    expect(failure(() => parseRegion('0,0,0,10'))).toMatchObject({ status: 400, code: 'iiif.region_empty' });
    expect(failure(() => parseRegion('pct:0,0,10,0'))).toMatchObject({ status: 400, code: 'iiif.region_empty' });
  });
});

describe('size', () => {
  it('parses every form, with and without ^', () => {
    expect(parseSize('max')).toEqual({ upscale: false, kind: 'max' });
    expect(parseSize('^max')).toEqual({ upscale: true, kind: 'max' });
    expect(parseSize('150,')).toEqual({ upscale: false, kind: 'width', w: 150 });
    expect(parseSize('^1500,')).toEqual({ upscale: true, kind: 'width', w: 1500 });
    expect(parseSize(',150')).toEqual({ upscale: false, kind: 'height', h: 150 });
    expect(parseSize('^,1500')).toEqual({ upscale: true, kind: 'height', h: 1500 });
    expect(parseSize('pct:50')).toEqual({ upscale: false, kind: 'percent', n: 50 });
    expect(parseSize('^pct:120.5')).toEqual({ upscale: true, kind: 'percent', n: 120.5 });
    expect(parseSize('200,100')).toEqual({ upscale: false, kind: 'exact', w: 200, h: 100 });
    expect(parseSize('^2000,1000')).toEqual({ upscale: true, kind: 'exact', w: 2000, h: 1000 });
    expect(parseSize('!200,100')).toEqual({ upscale: false, kind: 'fit', w: 200, h: 100 });
    expect(parseSize('^!2000,1000')).toEqual({ upscale: true, kind: 'fit', w: 2000, h: 1000 });
  });

  it.each(['', 'full', ',', '!200,', '!,100', '^', '^^max', 'max^', '!^200,100', 'pct:', 'pct:-5', '10.5,', '200,100,', 'w,h', 'MAX'])('rejects %j with 400', (s) => {
    expect(failure(() => parseSize(s))).toMatchObject({ status: 400, code: 'iiif.size_syntax' });
  });

  it('rejects zero sizes', () => {
    for (const s of ['0,', ',0', 'pct:0', '0,10', '!10,0']) expect(failure(() => parseSize(s))).toMatchObject({ status: 400, code: 'iiif.size_empty' });
  });
});

describe('rotation', () => {
  it('parses right angles and mirroring', () => {
    expect(parseRotation('0')).toEqual({ degrees: 0, mirror: false });
    expect(parseRotation('90')).toEqual({ degrees: 90, mirror: false });
    expect(parseRotation('180.0')).toEqual({ degrees: 180, mirror: false });
    expect(parseRotation('270')).toEqual({ degrees: 270, mirror: false });
    expect(parseRotation('360')).toEqual({ degrees: 0, mirror: false });
    expect(parseRotation('!0')).toEqual({ degrees: 0, mirror: true });
    expect(parseRotation('!90')).toEqual({ degrees: 90, mirror: true });
  });

  it('answers 501 for valid arbitrary angles, 400 for bad ones', () => {
    expect(failure(() => parseRotation('45'))).toMatchObject({ status: 501, code: 'iiif.rotation_unsupported' });
    expect(failure(() => parseRotation('!22.5'))).toMatchObject({ status: 501, code: 'iiif.rotation_unsupported' });
    for (const s of ['', '-90', '361', '90!', '!!90', 'abc', '1e2']) {
      expect(failure(() => parseRotation(s))).toMatchObject({ status: 400, code: 'iiif.rotation_syntax' });
    }
  });
});

describe('quality and format', () => {
  it('parses every supported pair', () => {
    for (const quality of ['default', 'color', 'gray', 'bitonal'] as const) {
      for (const format of ['jpg', 'png', 'webp'] as const) expect(parseQualityFormat(`${quality}.${format}`)).toEqual({ quality, format });
    }
  });

  it('answers 501 for formats the spec knows but we do not serve', () => {
    for (const f of ['tif', 'gif', 'pdf', 'jp2']) expect(failure(() => parseQualityFormat(`default.${f}`))).toMatchObject({ status: 501, code: 'iiif.format_unsupported' });
  });

  it('rejects bad quality or format with 400 and a Vietnamese message', () => {
    expect(failure(() => parseQualityFormat('default'))).toMatchObject({ status: 400, code: 'iiif.quality_invalid' });
    expect(failure(() => parseQualityFormat('grey.jpg'))).toMatchObject({ status: 400, code: 'iiif.quality_invalid' });
    expect(failure(() => parseQualityFormat('native.jpg'))).toMatchObject({ status: 400, code: 'iiif.quality_invalid' });
    const bad = failure(() => parseQualityFormat('default.jpeg'));
    expect(bad).toMatchObject({ status: 400, code: 'iiif.format_invalid' });
    expect(bad.message).toContain('Định dạng ảnh');
    expect(failure(() => parseQualityFormat('default.'))).toMatchObject({ status: 400, code: 'iiif.format_invalid' });
  });
});

it('parses a whole request', () => {
  expect(parseImageRequest('pct:0,0,50,50', '^!300,300', '!90', 'gray.webp')).toEqual({
    region: { kind: 'percent', x: 0, y: 0, w: 50, h: 50 },
    size: { upscale: true, kind: 'fit', w: 300, h: 300 },
    rotation: { degrees: 90, mirror: true },
    quality: 'gray',
    format: 'webp',
  });
  expect(new IiifError(400, 'x', 'y')).toMatchObject({ status: 400, kind: 'invalid' });
  expect(new IiifError(501, 'x', 'y')).toMatchObject({ status: 501, kind: 'not_implemented' });
});
