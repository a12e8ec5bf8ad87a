/**
 * Places read by the machine resolved through units/: a place that resolves
 * to one unit is written as the unit list writes its units and their words
 * lose the diacritics doubt; other words keep it; a place the list does not
 * know, or knows twice, stays as read and uncertain.
 */
import { describe, expect, it } from 'vitest';
import { buildUnitIndex, type IndexedUnit } from '../units/index.js';
import { normalizeRow, unitPlaceCheck } from './index.js';
import type { ReadField } from './read-page.js';

const unit = (id: string, name: string, kind: IndexedUnit['kind'], level: IndexedUnit['level'], parentId: string | null, scheme: IndexedUnit['scheme'] = 'legacy'): IndexedUnit => ({
  id,
  scheme,
  level,
  code: id.split(':')[2]!,
  name,
  kind,
  parentId,
  validFrom: scheme === 'historic' ? '1965' : null,
  validTo: scheme === 'historic' ? '1996' : null,
});

const index = buildUnitIndex({
  units: [
    unit('legacy:province:19', 'Tỉnh Thái Nguyên', 'tinh', 'province', null),
    unit('legacy:district:171', 'Huyện Đại Từ', 'huyen', 'district', 'legacy:province:19'),
    unit('legacy:commune:05815', 'Xã La Bằng', 'xa', 'commune', 'legacy:district:171'),
    unit('legacy:commune:05818', 'Xã Hoàng Nông', 'xa', 'commune', 'legacy:district:171'),
    unit('legacy:province:34', 'Tỉnh Thái Bình', 'tinh', 'province', null),
    unit('legacy:district:341', 'Huyện Vũ Thư', 'huyen', 'district', 'legacy:province:34'),
    unit('legacy:commune:09001', 'Xã Hoàng Nông', 'xa', 'commune', 'legacy:district:341'),
    unit('historic:province:BACTHAI', 'Tỉnh Bắc Thái', 'tinh', 'province', null, 'historic'),
  ],
  successors: [{ fromId: 'historic:province:BACTHAI', toId: 'legacy:province:19', main: true }],
  aliases: [],
});

/** Each word read with its own confidence ("word@0.6"), 0.95 when not given. */
function read(spec: string): ReadField {
  const words = spec.split(' ').map((w) => {
    const [text, c] = w.split('@');
    return { text: text!, confidence: c ? Number(c) : 0.95 };
  });
  const text = words.map((w) => w.text).join(' ');
  return { text, confidence: Math.min(...words.map((w) => w.confidence)), box: { x: 0, y: 0, w: 0.1, h: 0.01 }, words };
}

const place = (spec: string) => normalizeRow('KS', { meNoiCuTru: read(spec) }, unitPlaceCheck(index, 1995))[0]!;

describe('places through units/', () => {
  it('writes a resolved place as the unit list writes it, its unit words as sure as the resolution', () => {
    const v = place('xà@0.6 La Bàng,@0.6 huyện Đại@0.7 Từ, tỉnh Bắc Thái');
    expect(v).toMatchObject({ value: 'xã La Bằng, huyện Đại Từ, tỉnh Bắc Thái', uncertain: [] });
    expect(v.confidence).toBeGreaterThan(0.7); // the resolver's, above the words' least (0.6)
    expect(place('XÃ LA BÀNG,@0.6 HUYỆN ĐẠI TỪ').value).toBe('XÃ LA BẰNG, HUYỆN ĐẠI TỪ');
  });

  it('keeps the doubt on words the unit list does not vouch for', () => {
    const v = place('Trạm@0.6 y tế xã La Bàng,@0.6 huyện Đại Từ');
    expect(v.value).toBe('Trạm y tế xã La Bằng, huyện Đại Từ');
    expect(v.uncertain).toEqual(['diacritics']);
    expect(v.confidence).toBe(0.6);
  });

  it('leaves a place that does not resolve to one unit as read, and uncertain', () => {
    expect(place('xã Hoàng@0.6 Nông')).toMatchObject({ value: 'xã Hoàng Nông', uncertain: ['place_unresolved', 'diacritics'] });
    expect(place('xã Không Có')).toMatchObject({ value: 'xã Không Có', uncertain: ['place_unresolved'] });
  });
});
