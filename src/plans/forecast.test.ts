import { describe, expect, it } from 'vitest';
import { addDays, stageFigures } from './forecast.js';

const today = '2026-11-25';
const constant = (perDay: number, days: number) => new Map(Array.from({ length: days }, (_, i) => [addDays(today, -i), perDay] as const));

describe('stage forecast', () => {
  it('lands a constant throughput on the arithmetic date, with no spread', () => {
    // 28 days at 10/day = 280 done of 375: 95 remain, 9.5 days -> the 10th day from today.
    const f = stageFigures({ done: 280, total: 375, daily: constant(10, 28), today, deadline: '2026-12-31' });
    expect(f.rate7).toBe(10);
    expect(f.rate28).toBe(10);
    expect(f.forecast).toBe('2026-12-05');
    expect(f.forecastEarliest).toBe('2026-12-05');
    expect(f.forecastLatest).toBe('2026-12-05');
    expect(f.status).toBe('on_track');
    expect(f.percent).toBe(74.7);
  });

  it('calls a package late when even the fast end misses the deadline, at risk when only the expected date does', () => {
    const late = stageFigures({ done: 0, total: 1000, daily: constant(10, 28), today, deadline: '2026-12-01' });
    expect(late.status).toBe('late');
    expect(late.delayDays).toBe(100 - 6);
    const bursty = new Map([
      [today, 70],
      [addDays(today, -7), 70],
    ]);
    const risk = stageFigures({ done: 0, total: 120, daily: bursty, today, deadline: '2026-12-06' });
    expect(risk.forecast).toBe('2026-12-07');
    expect(risk.status).toBe('at_risk');
  });

  it('is late once the deadline passed unfinished, done when the total is reached, at risk when nothing moves', () => {
    expect(stageFigures({ done: 5, total: 10, daily: new Map(), today, deadline: '2026-11-20' })).toMatchObject({ status: 'late', delayDays: 5, forecast: null });
    expect(stageFigures({ done: 10, total: 10, daily: new Map(), today, deadline: '2026-11-20' })).toMatchObject({ status: 'done', percent: 100 });
    expect(stageFigures({ done: 1, total: 10, daily: new Map(), today, deadline: '2026-12-20' }).status).toBe('at_risk');
  });
});
