import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('reads the export and QC promotion settings, with defaults', () => {
    expect(loadConfig({}, {})).toMatchObject({
      exportNamePattern: '{commune}_{type}_{year}_{volume}', exportNameCase: 'title', qcPromotion: { minRecords: 500, critical: 0.001, other: 0.005 },
    });
    const env = { HOTICH_QC_PROMOTION_MIN_RECORDS: '200', HOTICH_QC_PROMOTION_CRITICAL: '0.002', HOTICH_QC_PROMOTION_OTHER: '0.01', HOTICH_EXPORT_NAME_CASE: 'UPPER' };
    expect(loadConfig({}, env)).toMatchObject({ exportNameCase: 'upper', qcPromotion: { minRecords: 200, critical: 0.002, other: 0.01 } });
  });

  it('refuses bad values with a Vietnamese message naming the variable', () => {
    expect(() => loadConfig({}, { HOTICH_QC_PROMOTION_MIN_RECORDS: '0' })).toThrow(/HOTICH_QC_PROMOTION_MIN_RECORDS không hợp lệ/);
    expect(() => loadConfig({}, { HOTICH_QC_PROMOTION_CRITICAL: '1.5' })).toThrow(/HOTICH_QC_PROMOTION_CRITICAL không hợp lệ.*0,1 %/);
    expect(() => loadConfig({}, { HOTICH_EXPORT_NAME_PATTERN: '{xa}' })).toThrow(/không có chỗ trống \{xa\}/);
    expect(() => loadConfig({}, { PORT: '70000' })).toThrow(/Cổng không hợp lệ/);
  });
});
