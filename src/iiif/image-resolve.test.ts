/**
 * resolveRequest: region clipping, the size rules of Image API 3.0 (upscaling
 * only with ^, limits), rotation swapping output dimensions, canonical form.
 */
import { describe, expect, it } from 'vitest';
import { IiifError } from './iiif-error.js';
import { parseImageRequest } from './image-request.js';
import { canonicalRequest, resolveRequest, type ResolvedRequest } from './image-resolve.js';

const IMAGE = { width: 1000, height: 800 };
const LIMITS = { maxWidth: 2000, maxHeight: 2000, maxArea: 3_000_000 };

function resolve(region: string, size = 'max', rotation = '0', limits = LIMITS): ResolvedRequest {
  return resolveRequest(parseImageRequest(region, size, rotation, 'default.jpg'), IMAGE, limits);
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof IiifError && e.status === 400) return e.code;
    throw e;
  }
  return 'no error';
}

describe('region', () => {
  it('full, square (centred), pixels and percent', () => {
    expect(resolve('full').region).toEqual({ x: 0, y: 0, width: 1000, height: 800 });
    expect(resolve('full').full).toBe(true);
    expect(resolve('square').region).toEqual({ x: 100, y: 0, width: 800, height: 800 });
    expect(resolve('100,200,300,400').region).toEqual({ x: 100, y: 200, width: 300, height: 400 });
    expect(resolve('pct:50,50,50,50').region).toEqual({ x: 500, y: 400, width: 500, height: 400 });
    expect(resolve('pct:0,0,100,100').full).toBe(true);
    expect(resolve('pct:10.5,0,33.3,10').region).toEqual({ x: 105, y: 0, width: 333, height: 80 });
  });

  it('clips a region that extends past the image', () => {
    expect(resolve('900,700,500,500').region).toEqual({ x: 900, y: 700, width: 100, height: 100 });
    expect(resolve('pct:90,90,50,50').region).toEqual({ x: 900, y: 720, width: 100, height: 80 });
  });

  it('rejects regions entirely outside or empty after rounding', () => {
    expect(code(() => resolve('1000,0,10,10'))).toBe('iiif.region_outside');
    expect(code(() => resolve('0,800,10,10'))).toBe('iiif.region_outside');
    expect(code(() => resolve('pct:100,0,10,10'))).toBe('iiif.region_outside');
    expect(code(() => resolve('pct:0,0,0.01,50'))).toBe('iiif.region_empty');
  });
});

describe('size', () => {
  it('w, ,h pct: w,h and !w,h on a 500×400 region', () => {
    const dims = (size: string) => {
      const r = resolve('0,0,500,400', size);
      return [r.width, r.height];
    };
    expect(dims('max')).toEqual([500, 400]);
    expect(dims('250,')).toEqual([250, 200]);
    expect(dims(',100')).toEqual([125, 100]);
    expect(dims('pct:50')).toEqual([250, 200]);
    expect(dims('300,50')).toEqual([300, 50]);
    expect(dims('!100,100')).toEqual([100, 80]);
    expect(dims('!1000,1000')).toEqual([500, 400]);
    expect(dims('^!1000,1000')).toEqual([1000, 800]);
    expect(dims('^1000,')).toEqual([1000, 800]);
    expect(dims('^pct:200')).toEqual([1000, 800]);
    expect(dims('^600,300')).toEqual([600, 300]);
    expect(dims('^max')).toEqual([1936, 1549]);
  });

  it('rejects upscaling without ^', () => {
    for (const s of ['501,', ',401', 'pct:101', '600,300', '500,401']) expect(code(() => resolve('0,0,500,400', s))).toBe('iiif.upscale_not_requested');
  });

  it('keeps max within the limits and refuses anything else beyond them', () => {
    const small = { maxWidth: 400, maxHeight: 400, maxArea: 100_000 };
    const max = resolve('full', 'max', '0', small);
    expect([max.width, max.height]).toEqual([353, 282]);
    expect(max.width * max.height).toBeLessThanOrEqual(small.maxArea);
    const fit = resolve('full', '!600,600', '0', small);
    expect(fit.width * fit.height).toBeLessThanOrEqual(small.maxArea);
    expect(code(() => resolve('full', '401,', '0', small))).toBe('iiif.size_too_large');
    expect(code(() => resolve('full', '^3000,', '0'))).toBe('iiif.size_too_large');
  });

  it('rejects a size that rounds to zero', () => {
    expect(code(() => resolve('0,0,1000,1', '10,'))).toBe('iiif.size_empty');
  });
});

it('swaps output dimensions for 90 and 270 degrees', () => {
  const r = resolve('full', '500,', '90');
  expect([r.width, r.height, r.outputWidth, r.outputHeight]).toEqual([500, 400, 400, 500]);
  const m = resolve('full', '500,', '!180');
  expect([m.outputWidth, m.outputHeight]).toEqual([500, 400]);
});

it('writes the canonical request', () => {
  expect(canonicalRequest(resolve('full'), 'default', 'jpg')).toBe('full/max/0/default.jpg');
  expect(canonicalRequest(resolve('pct:0,0,100,100', 'pct:100'), 'default', 'jpg')).toBe('full/max/0/default.jpg');
  expect(canonicalRequest(resolve('square', '!100,100', '!90'), 'gray', 'png')).toBe('100,0,800,800/100,100/!90/gray.png');
  expect(canonicalRequest(resolve('0,0,500,400', '^1000,'), 'color', 'webp')).toBe('0,0,500,400/^1000,800/0/color.webp');
});
