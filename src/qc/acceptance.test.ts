import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS, planLot } from './acceptance-plan.js';
import { decideLot, summarizeChecks, type FieldCheck } from './acceptance.js';
import { keyerStatus, type KeyerEvent } from './keyer-accuracy-rule.js';

function checks(records: number, critical: number, other: number, wrong: { critical?: number; other?: number } = {}): { ids: string[]; checks: FieldCheck[] } {
  const ids = Array.from({ length: records }, (_, i) => `r${i}`);
  const out: FieldCheck[] = [];
  let wc = wrong.critical ?? 0;
  let wo = wrong.other ?? 0;
  for (const id of ids) {
    for (let f = 0; f < critical; f++) out.push({ recordId: id, fieldKey: `c${f}`, ok: !(wc > 0 && f === 0 && wc--), critical: true, keyedValue: 'x', correctValue: null });
    for (let f = 0; f < other; f++) out.push({ recordId: id, fieldKey: `o${f}`, ok: !(wo > 0 && f === 0 && wo--), critical: false, keyedValue: 'x', correctValue: null });
    out.push({ recordId: id, fieldKey: 'empty', ok: true, critical: false, keyedValue: '', correctValue: null });
  }
  return { ids, checks: out.map((c) => (c.ok ? c : { ...c, correctValue: 'y' })) };
}

describe('lot plans', () => {
  it('ISO plan: a book of 1,000 records at AQL 0.65 is letter J, 80 records, 1/2', () => {
    const p = planLot({ kind: 'iso2859', lotSize: 1000, targets: DEFAULT_TARGETS, fieldsPerRecord: { critical: 8, other: 15 } });
    expect(p).toMatchObject({ kind: 'iso2859', codeLetter: 'J', sampleSize: 80, ac: 1, re: 2, decidedBy: 'ac_re' });
  });
  it('confidence plan: 2,995 critical fields at 8 per record → 375 records; others 598 / 15 → 40', () => {
    const p = planLot({ kind: 'confidence', lotSize: 10000, targets: DEFAULT_TARGETS, fieldsPerRecord: { critical: 8, other: 15 } });
    expect(p).toMatchObject({ kind: 'confidence', sampleSize: 375, fieldsNeeded: { critical: 2995, other: 598 }, fullInspection: false });
    expect(planLot({ kind: 'confidence', lotSize: 100, targets: DEFAULT_TARGETS, fieldsPerRecord: { critical: 8, other: 15 } })).toMatchObject({ sampleSize: 100, fullInspection: true });
  });
});

describe('lot findings and decision', () => {
  it('counts only fields with a value, and computes CP bounds per group', () => {
    const { ids, checks: cs } = checks(375, 8, 15);
    const f = summarizeChecks(ids, cs, DEFAULT_TARGETS);
    expect(f.critical.units).toBe(3000);
    expect(f.other.units).toBe(5625);
    expect(f.critical.upper).toBeLessThan(0.001);
    expect(decideLot(planLot({ kind: 'confidence', lotSize: 10000, targets: DEFAULT_TARGETS, fieldsPerRecord: { critical: 8, other: 15 } }), f)).toMatchObject({
      verdict: 'accept',
      decidedBy: 'clopper_pearson',
      isoVerdict: null,
    });
  });
  it('rejects on a critical error under the confidence rule; ISO decides by Ac/Re on records', () => {
    const { ids, checks: cs } = checks(80, 8, 15, { critical: 1 });
    const f = summarizeChecks(ids, cs, DEFAULT_TARGETS);
    expect(f.nonconformingRecords.errors).toBe(1);
    const iso = planLot({ kind: 'iso2859', lotSize: 1000, targets: DEFAULT_TARGETS, fieldsPerRecord: { critical: 8, other: 15 } });
    const d = decideLot(iso, f);
    expect(d).toMatchObject({ verdict: 'accept', decidedBy: 'ac_re', isoVerdict: { verdict: 'accept', ac: 1, re: 2, nonconforming: 1 } });
    expect(d.confidenceVerdict.verdict).toBe('reject');
    expect(decideLot(iso, summarizeChecks(ids, checks(80, 8, 15, { critical: 2 }).checks, DEFAULT_TARGETS)).verdict).toBe('reject');
  });
  it('cannot decide before every sampled record is checked', () => {
    const { ids, checks: cs } = checks(10, 8, 15);
    const plan = planLot({ kind: 'confidence', lotSize: 100, targets: DEFAULT_TARGETS, fieldsPerRecord: { critical: 8, other: 15 } });
    expect(() => decideLot(plan, summarizeChecks([...ids, 'unchecked'], cs, DEFAULT_TARGETS))).toThrow(RangeError);
  });
});

describe('keyer promotion rule (Census / CSP-1)', () => {
  const day = (d: number) => new Date(Date.UTC(2026, 0, d));
  const arb = (d: number, records: number, ce = 0, oe = 0): KeyerEvent => ({
    at: day(d),
    source: 'arbitration',
    records,
    critical: { fields: records * 8, errors: ce },
    other: { fields: records * 15, errors: oe },
  });
  it('promotes after 500 records with bounds under the thresholds', () => {
    expect(keyerStatus([arb(1, 300)]).mode).toBe('double');
    expect(keyerStatus([arb(1, 300)]).recordsToQualify).toBe(200);
    const s = keyerStatus([arb(1, 300), arb(2, 200)]);
    expect(s.mode).toBe('sampled');
    expect(s.transitions).toEqual([{ at: day(2), to: 'sampled', reason: 'qualified' }]);
  });
  it('does not promote a keyer at 1 % field error', () => {
    expect(keyerStatus([arb(1, 1000, 80, 150)]).mode).toBe('double');
  });
  it('demotes on a critical error in a sample, and on a rejected lot', () => {
    const sample: KeyerEvent = { at: day(5), source: 'sampling', records: 20, critical: { fields: 160, errors: 1 }, other: { fields: 300, errors: 0 } };
    const s = keyerStatus([arb(1, 600), sample]);
    expect(s.mode).toBe('double');
    expect(s.transitions.at(-1)).toMatchObject({ to: 'double', reason: 'critical_sample_error' });
    expect(keyerStatus([arb(1, 600), { ...sample, critical: { fields: 160, errors: 0 }, lotRejected: true }]).transitions.at(-1)?.reason).toBe('lot_rejected');
    expect(keyerStatus([arb(1, 600), { ...sample, critical: { fields: 160, errors: 0 }, other: { fields: 300, errors: 9 } }]).transitions.at(-1)?.reason).toBe('rate_rose');
  });
});
