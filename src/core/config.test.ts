import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('reads the export and QC promotion settings, with defaults', () => {
    expect(loadConfig({}, {})).toMatchObject({
      exportNamePattern: '{commune}_{type}_{year}_{volume}',
      exportNameCase: 'title',
      qcPromotion: { minRecords: 500, critical: 0.001, other: 0.005 },
    });
    const env = { HOTICH_QC_PROMOTION_MIN_RECORDS: '200', HOTICH_QC_PROMOTION_CRITICAL: '0.002', HOTICH_QC_PROMOTION_OTHER: '0.01', HOTICH_EXPORT_NAME_CASE: 'UPPER' };
    expect(loadConfig({}, env)).toMatchObject({ exportNameCase: 'upper', qcPromotion: { minRecords: 200, critical: 0.002, other: 0.01 } });
  });

  it('reads the ingest memory budget and threads, with defaults', () => {
    expect(loadConfig({}, {}).ingest).toEqual({ megapixelsInFlight: 150, threads: Math.max(1, os.availableParallelism()) });
    expect(loadConfig({}, { HOTICH_INGEST_MEGAPIXELS: '400', HOTICH_INGEST_THREADS: '2' }).ingest).toEqual({ megapixelsInFlight: 400, threads: 2 });
    expect(() => loadConfig({}, { HOTICH_INGEST_MEGAPIXELS: '0' })).toThrow(/HOTICH_INGEST_MEGAPIXELS không hợp lệ/);
    expect(() => loadConfig({}, { HOTICH_INGEST_THREADS: 'hai' })).toThrow(/HOTICH_INGEST_THREADS không hợp lệ/);
  });

  it('refuses bad values with a Vietnamese message naming the variable', () => {
    expect(() => loadConfig({}, { HOTICH_QC_PROMOTION_MIN_RECORDS: '0' })).toThrow(/HOTICH_QC_PROMOTION_MIN_RECORDS không hợp lệ/);
    expect(() => loadConfig({}, { HOTICH_QC_PROMOTION_CRITICAL: '1.5' })).toThrow(/HOTICH_QC_PROMOTION_CRITICAL không hợp lệ.*0,1 %/);
    expect(() => loadConfig({}, { HOTICH_EXPORT_NAME_PATTERN: '{xa}' })).toThrow(/không có chỗ trống \{xa\}/);
    expect(() => loadConfig({}, { PORT: '70000' })).toThrow(/Cổng không hợp lệ/);
  });

  it('reads the security settings: trusted proxies off by default, session and sign-in limits with defaults', () => {
    expect(loadConfig({}, {})).toMatchObject({
      trustProxy: false,
      auth: { sessionIdleMs: 2 * 3600_000, sessionMaxMs: 12 * 3600_000, loginMaxFailures: 10, addressMaxFailures: 30, loginWindowMs: 15 * 60_000 },
    });
    const env = {
      HOTICH_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8 ,::1',
      HOTICH_SESSION_IDLE_MINUTES: '30',
      HOTICH_SESSION_MAX_HOURS: '8',
      HOTICH_LOGIN_MAX_FAILURES: '5',
      HOTICH_LOGIN_MAX_FAILURES_PER_ADDRESS: '100',
      HOTICH_LOGIN_WINDOW_MINUTES: '60',
    };
    expect(loadConfig({}, env)).toMatchObject({
      trustProxy: ['127.0.0.1', '10.0.0.0/8', '::1'],
      auth: { sessionIdleMs: 30 * 60_000, sessionMaxMs: 8 * 3600_000, loginMaxFailures: 5, addressMaxFailures: 100, loginWindowMs: 3600_000 },
    });
    expect(loadConfig({}, { HOTICH_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({}, { HOTICH_TRUST_PROXY: 'FALSE' }).trustProxy).toBe(false);
    expect(loadConfig({}, { HOTICH_TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
  });

  it('refuses bad security settings in Vietnamese', () => {
    expect(() => loadConfig({}, { HOTICH_TRUST_PROXY: '2' })).toThrow(/HOTICH_TRUST_PROXY không hợp lệ: "2"/);
    expect(() => loadConfig({}, { HOTICH_TRUST_PROXY: 'proxy.example' })).toThrow(/HOTICH_TRUST_PROXY không hợp lệ/);
    expect(() => loadConfig({}, { HOTICH_LOGIN_MAX_FAILURES: '0' })).toThrow(/HOTICH_LOGIN_MAX_FAILURES không hợp lệ/);
    expect(() => loadConfig({}, { HOTICH_SESSION_IDLE_MINUTES: '1.5' })).toThrow(/HOTICH_SESSION_IDLE_MINUTES không hợp lệ/);
    expect(() => loadConfig({}, { HOTICH_SESSION_IDLE_MINUTES: '600', HOTICH_SESSION_MAX_HOURS: '8' })).toThrow(/không được dài hơn thời hạn tối đa/);
  });
});
