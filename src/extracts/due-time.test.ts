import { describe, expect, it } from 'vitest';
import { holidaysOf } from '../vn/index.js';
import { dueAt, localDay, vnTime, workingDays } from './due-time.js';

const at = (day: string, hour: number) => vnTime(day, hour);
const dueDay = (d: Date) => localDay(d).day;

describe('due time of a copy request', () => {
  const cal = workingDays();
  it('is the same working day before 15:00, at the close of the day', () => {
    const due = dueAt(at('2026-12-02', 9.5), cal); // a Wednesday
    expect(dueDay(due)).toBe('2026-12-02');
    expect(localDay(due).hour).toBe(17);
  });
  it('is the next working day after 15:00', () => {
    expect(dueDay(dueAt(at('2026-12-02', 15.25), cal))).toBe('2026-12-03');
    expect(dueDay(dueAt(at('2026-12-02', 14.99), cal))).toBe('2026-12-02');
  });
  it('moves a Friday afternoon request to Monday, and a Saturday one too', () => {
    expect(dueDay(dueAt(at('2026-12-04', 16), cal))).toBe('2026-12-07');
    expect(dueDay(dueAt(at('2026-12-05', 9), cal))).toBe('2026-12-07');
  });
  it('skips public holidays: 30/4 and 1/5, Quốc khánh, Tết', () => {
    // 2026-04-29 is a Wednesday; 30/4 Thu and 1/5 Fri are holidays.
    expect(dueDay(dueAt(at('2026-04-29', 16), cal))).toBe('2026-05-04');
    // Tết Bính Ngọ: mùng 1 = 2026-02-17 (Tuesday); the eve 2026-02-16 to mùng 4 2026-02-20 are off.
    expect(dueDay(dueAt(at('2026-02-13', 16), cal))).toBe('2026-02-23');
  });
  it('reads time in Việt Nam: 08:30 UTC is 15:30 there', () => {
    expect(dueDay(dueAt(new Date('2026-12-02T08:30:00Z'), cal))).toBe('2026-12-03');
    expect(dueDay(dueAt(new Date('2026-12-02T07:59:00Z'), cal))).toBe('2026-12-02');
  });
  it('follows the calendar exceptions: a Saturday made a working day, an announced day off', () => {
    const custom = workingDays([
      { day: '2026-12-05', kind: 'workday' },
      { day: '2026-12-07', kind: 'holiday' },
    ]);
    expect(dueDay(dueAt(at('2026-12-04', 16), custom))).toBe('2026-12-05');
    expect(dueDay(dueAt(at('2026-12-05', 16), custom))).toBe('2026-12-08');
  });
});

describe('public holidays', () => {
  it('puts Tết and Giỗ Tổ on their lunar days (2026: Tết 17/02, Giỗ Tổ 26/04)', () => {
    const days = holidaysOf(2026).map((h) => h.day);
    expect(days).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-02-20', '2026-04-26', '2026-04-30', '2026-05-01', '2026-09-02']));
  });
  it('gives a compensatory day for a holiday on a weekend (Giỗ Tổ 2026 is a Sunday → Monday 27/04)', () => {
    expect(holidaysOf(2026).find((h) => h.day === '2026-04-27')?.name).toMatch(/^Nghỉ bù Giỗ Tổ/);
  });
});
