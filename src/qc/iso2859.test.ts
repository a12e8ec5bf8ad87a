import { describe, expect, it } from 'vitest';
import { codeLetter, planVerdict, singlePlan } from './iso2859.js';
import { switchingState, type DecidedLot } from './iso2859-switching.js';
import { CODE_LETTERS, type Severity } from './iso2859-tables.js';

/** QC.md §1.3 and Appendix A, resolved (n: Ac/Re), columns AQL 0.065 … 1.0; row "A–F" holds for A, B, C, D, E, F. */
const AQLS = [0.065, 0.1, 0.15, 0.25, 0.4, 0.65, 1];
const RESOLVED: Record<Severity, string> = {
  normal: `
A–F 200:0/1 125:0/1 80:0/1 50:0/1 32:0/1 20:0/1 13:0/1
G 200:0/1 125:0/1 80:0/1 50:0/1 32:0/1 20:0/1 50:1/2
H 200:0/1 125:0/1 80:0/1 50:0/1 32:0/1 80:1/2 50:1/2
J 200:0/1 125:0/1 80:0/1 50:0/1 125:1/2 80:1/2 80:2/3
K 200:0/1 125:0/1 80:0/1 200:1/2 125:1/2 125:2/3 125:3/4
L 200:0/1 125:0/1 315:1/2 200:1/2 200:2/3 200:3/4 200:5/6
M 200:0/1 500:1/2 315:1/2 315:2/3 315:3/4 315:5/6 315:7/8
N 800:1/2 500:1/2 500:2/3 500:3/4 500:5/6 500:7/8 500:10/11
P 800:1/2 800:2/3 800:3/4 800:5/6 800:7/8 800:10/11 800:14/15
Q 1250:2/3 1250:3/4 1250:5/6 1250:7/8 1250:10/11 1250:14/15 1250:21/22
R 2000:3/4 2000:5/6 2000:7/8 2000:10/11 2000:14/15 2000:21/22 1250:21/22`,
  tightened: `
A–F 315:0/1 200:0/1 125:0/1 80:0/1 50:0/1 32:0/1 20:0/1
G 315:0/1 200:0/1 125:0/1 80:0/1 50:0/1 32:0/1 80:1/2
H 315:0/1 200:0/1 125:0/1 80:0/1 50:0/1 125:1/2 80:1/2
J 315:0/1 200:0/1 125:0/1 80:0/1 200:1/2 125:1/2 80:1/2
K 315:0/1 200:0/1 125:0/1 315:1/2 200:1/2 125:1/2 125:2/3
L 315:0/1 200:0/1 500:1/2 315:1/2 200:1/2 200:2/3 200:3/4
M 315:0/1 800:1/2 500:1/2 315:1/2 315:2/3 315:3/4 315:5/6
N 1250:1/2 800:1/2 500:1/2 500:2/3 500:3/4 500:5/6 500:8/9
P 1250:1/2 800:1/2 800:2/3 800:3/4 800:5/6 800:8/9 800:12/13
Q 1250:1/2 1250:2/3 1250:3/4 1250:5/6 1250:8/9 1250:12/13 1250:18/19
R 2000:2/3 2000:3/4 2000:5/6 2000:8/9 2000:12/13 2000:18/19 1250:18/19`,
  reduced: `
A–F 80:0/1 50:0/1 32:0/1 20:0/1 13:0/1 8:0/1 5:0/1
G 80:0/1 50:0/1 32:0/1 20:0/1 13:0/1 8:0/1 20:0/2
H 80:0/1 50:0/1 32:0/1 20:0/1 13:0/1 32:0/2 20:0/2
J 80:0/1 50:0/1 32:0/1 20:0/1 50:0/2 32:0/2 32:1/3
K 80:0/1 50:0/1 32:0/1 80:0/2 50:0/2 50:1/3 50:1/4
L 80:0/1 50:0/1 125:0/2 80:0/2 80:1/3 80:1/4 80:2/5
M 80:0/1 200:0/2 125:0/2 125:1/3 125:1/4 125:2/5 125:3/6
N 315:0/2 200:0/2 200:1/3 200:1/4 200:2/5 200:3/6 200:5/8
P 315:0/2 315:1/3 315:1/4 315:2/5 315:3/6 315:5/8 315:7/10
Q 500:1/3 500:1/4 500:2/5 500:3/6 500:5/8 500:7/10 500:10/13
R 800:1/4 800:2/5 800:3/6 800:5/8 800:7/10 800:10/13 500:10/13`,
};

/** A lot size whose level-II letter is `letter` (the top of its Table I row). */
const LOT_FOR_LETTER: Record<string, number> = { A: 8, B: 15, C: 25, D: 50, E: 90, F: 150, G: 280, H: 500, J: 1200, K: 3200, L: 10000, M: 35000, N: 150000, P: 500000, Q: 600000 };

describe('ISO 2859-1 Table I', () => {
  it('maps lot sizes to letters at every level (QC.md §1.2)', () => {
    expect(codeLetter(2)).toBe('A');
    expect(codeLetter(8, 'III')).toBe('B');
    expect(codeLetter(1000)).toBe('J');
    expect(codeLetter(1201)).toBe('K');
    expect(codeLetter(20, 'I')).toBe('B');
    expect(codeLetter(125, 'III')).toBe('G');
    expect(codeLetter(500001)).toBe('Q');
    expect(codeLetter(500001, 'III')).toBe('R');
    expect(codeLetter(35001, 'S-1')).toBe('D');
    for (const [letter, lot] of Object.entries(LOT_FOR_LETTER)) expect(codeLetter(lot)).toBe(letter);
  });
});

describe('ISO 2859-1 single sampling plans', () => {
  it('golden cases (QC.md §1.4)', () => {
    expect(singlePlan({ lotSize: 1000, aql: 1.5 })).toMatchObject({ codeLetter: 'J', planLetter: 'J', sampleSize: 80, ac: 3, re: 4 });
    expect(singlePlan({ lotSize: 20, level: 'I', aql: 1.5 })).toMatchObject({ codeLetter: 'B', planLetter: 'D', sampleSize: 8, ac: 0, re: 1 });
    expect(singlePlan({ lotSize: 5000, aql: 1.5 })).toMatchObject({ sampleSize: 200, ac: 7, re: 8 });
    expect(singlePlan({ lotSize: 5000, aql: 1.5, severity: 'tightened' })).toMatchObject({ sampleSize: 200, ac: 5, re: 6 });
    expect(singlePlan({ lotSize: 600000, level: 'III', aql: 0.015 })).toMatchObject({ codeLetter: 'R', planLetter: 'P', sampleSize: 800, ac: 0, re: 1 });
    expect(singlePlan({ lotSize: 125, level: 'III', aql: 1, severity: 'reduced' })).toMatchObject({ codeLetter: 'G', planLetter: 'H', sampleSize: 20, ac: 0, re: 2 });
  });
  for (const severity of ['normal', 'tightened', 'reduced'] as const) {
    it(`every resolved cell of the ${severity} table (AQL 0.065–1.0, letters A–R)`, () => {
      for (const line of RESOLVED[severity].trim().split('\n')) {
        const [rowName, ...cells] = line.split(' ');
        const letters = rowName === 'A–F' ? ['A', 'B', 'C', 'D', 'E', 'F'] : [rowName!];
        for (const letter of letters) {
          const idx = CODE_LETTERS.indexOf(letter as (typeof CODE_LETTERS)[number]);
          cells.forEach((cell, j) => {
            const [n, acre] = cell.split(':');
            const [ac, re] = acre!.split('/').map(Number);
            const lotSize = letter === 'R' ? 600000 : LOT_FOR_LETTER[letter]!;
            const plan = singlePlan({ lotSize, level: letter === 'R' ? 'III' : 'II', aql: AQLS[j]!, severity });
            expect({ letter, aql: AQLS[j], n: plan.tableSampleSize, ac: plan.ac, re: plan.re }).toEqual({ letter, aql: AQLS[j], n: Number(n), ac, re });
            expect(CODE_LETTERS.indexOf(plan.codeLetter)).toBe(idx);
          });
        }
      }
    });
  }
  it('inspects 100 % when the plan asks for at least the lot', () => {
    const p = singlePlan({ lotSize: 40, aql: 0.065 });
    expect(p).toMatchObject({ tableSampleSize: 200, sampleSize: 40, fullInspection: true });
  });
  it('refuses AQLs outside the table', () => {
    expect(() => singlePlan({ lotSize: 100, aql: 0.7 })).toThrow(RangeError);
  });
  it('decides by Ac/Re', () => {
    expect(planVerdict({ ac: 3, re: 4 }, 3)).toBe('accept');
    expect(planVerdict({ ac: 3, re: 4 }, 4)).toBe('reject');
    expect(planVerdict({ ac: 0, re: 2 }, 1)).toBe('accept');
  });
});

describe('ISO 2859-1 switching rules (QC.md §1.5)', () => {
  const ok: DecidedLot = { accepted: true, ac: 1, nonconforming: 0 };
  const bad: DecidedLot = { accepted: false, ac: 1, nonconforming: 2 };
  it('normal → tightened after 2 of 5 consecutive lots not accepted; back after 5 accepted', () => {
    expect(switchingState([ok, bad, ok, ok, ok, ok, bad]).severity).toBe('normal');
    expect(switchingState([ok, bad, ok, bad]).severity).toBe('tightened');
    expect(switchingState([bad, ok, ok, ok, ok, bad]).severity).toBe('normal');
    const back = switchingState([bad, bad, ok, ok, ok, ok, ok]);
    expect(back.severity).toBe('normal');
    expect(back.changes).toEqual([
      { afterLot: 1, to: 'tightened' },
      { afterLot: 6, to: 'normal' },
    ]);
  });
  it('discontinues after 5 lots not accepted on tightened', () => {
    expect(switchingState([bad, bad, bad, ok, bad, bad, bad]).severity).toBe('tightened');
    expect(switchingState([bad, bad, bad, ok, bad, bad, bad, bad]).severity).toBe('discontinued');
  });
  it('normal → reduced at switching score 30 only with the authority’s approval; reduced → normal on a gap lot', () => {
    const fifteen = Array.from({ length: 15 }, () => ok);
    expect(switchingState(fifteen).severity).toBe('normal');
    expect(switchingState(fifteen).switchingScore).toBe(30);
    expect(switchingState(fifteen, { reducedApproved: true }).severity).toBe('reduced');
    const gap: DecidedLot = { accepted: true, ac: 0, nonconforming: 1 };
    expect(switchingState([...fifteen, gap], { reducedApproved: true }).severity).toBe('normal');
    const big: DecidedLot = { accepted: true, ac: 3, nonconforming: 3, acceptedAtTighterAql: false };
    expect(switchingState([ok, ok, big]).switchingScore).toBe(0);
  });
});
