/**
 * ISO 2859-1 single sampling by attributes: the code letter of a lot
 * (Table I), the plan (n, Ac, Re) for an AQL at normal, tightened or reduced
 * severity, following the table's arrows (↓: the first plan below, ↑: the
 * first above; the landing plan's n is used; n ≥ lot size means 100 %
 * inspection). Pure; tables in iso2859-tables.ts, switching in
 * iso2859-switching.ts.
 */
import { AQL_VALUES, CODE_LETTERS, DIAGONALS, FIRST_DIAGONAL, INSPECTION_LEVELS, SAMPLE_SIZES, TABLE_I, type Cell, type CodeLetter, type InspectionLevel, type Severity } from './iso2859-tables.js';

export interface SinglePlan {
  standard: 'ISO 2859-1';
  lotSize: number;
  level: InspectionLevel;
  aql: number;
  severity: Severity;
  /** Table I letter of the lot. */
  codeLetter: CodeLetter;
  /** Letter of the plan the arrows lead to. */
  planLetter: CodeLetter;
  /** Units to inspect (the lot size when the plan asks for more: 100 % inspection). */
  sampleSize: number;
  /** Sample size as printed in the table. */
  tableSampleSize: number;
  fullInspection: boolean;
  ac: number;
  re: number;
}

export function isAql(x: number): boolean {
  return (AQL_VALUES as readonly number[]).includes(x);
}

/** Table I: the code letter of a lot of `lotSize` units at an inspection level. */
export function codeLetter(lotSize: number, level: InspectionLevel = 'II'): CodeLetter {
  if (!Number.isInteger(lotSize) || lotSize < 2) throw new RangeError(`lot size must be an integer ≥ 2: ${lotSize}`);
  const row = TABLE_I.find(([max]) => lotSize <= max)!;
  return row[1][INSPECTION_LEVELS.indexOf(level)] as CodeLetter;
}

function cellAt(severity: Severity, letter: number, aqlIndex: number): Cell {
  const d = letter + aqlIndex - FIRST_DIAGONAL;
  const diagonal = DIAGONALS[severity];
  if (d < 0) return 'down';
  return diagonal[d] ?? 'up';
}

/** Follows the arrows from (letter, AQL column) to the plan's row. */
function landing(severity: Severity, start: number, aqlIndex: number): { row: number; ac: number; re: number } {
  let row = start;
  let dir: 'down' | 'up' | undefined;
  for (;;) {
    const cell = cellAt(severity, row, aqlIndex);
    if (typeof cell === 'object') return { row, ...cell };
    dir ??= cell;
    if (dir === 'down' && row === CODE_LETTERS.length - 1) {
      // The printed normal table shows ↑ in the last row where ↓ would leave it (R @ 0.015 → P, 800, 0/1).
      if (severity !== 'normal') throw new RangeError(`no ${severity} plan at AQL ${AQL_VALUES[aqlIndex]} for letter ${CODE_LETTERS[start]}`);
      dir = 'up';
    }
    row += dir === 'down' ? 1 : -1;
    if (row < 0) throw new RangeError(`no plan above letter A at AQL ${AQL_VALUES[aqlIndex]}`);
  }
}

/** The single sampling plan for a lot: letter, n, Ac, Re. */
export function singlePlan(input: { lotSize: number; aql: number; level?: InspectionLevel; severity?: Severity }): SinglePlan {
  const level = input.level ?? 'II';
  const severity = input.severity ?? 'normal';
  const aqlIndex = (AQL_VALUES as readonly number[]).indexOf(input.aql);
  if (aqlIndex < 0) throw new RangeError(`AQL ${input.aql} is not a column of the table (${AQL_VALUES.join(', ')})`);
  const letter = codeLetter(input.lotSize, level);
  const { row, ac, re } = landing(severity, CODE_LETTERS.indexOf(letter), aqlIndex);
  const tableSampleSize = SAMPLE_SIZES[severity][row]!;
  const fullInspection = tableSampleSize >= input.lotSize;
  return {
    standard: 'ISO 2859-1',
    lotSize: input.lotSize,
    level,
    aql: input.aql,
    severity,
    codeLetter: letter,
    planLetter: CODE_LETTERS[row]!,
    sampleSize: fullInspection ? input.lotSize : tableSampleSize,
    tableSampleSize,
    fullInspection,
    ac,
    re,
  };
}

/**
 * The verdict of a plan for d nonconforming units: reject at d ≥ Re, else
 * accept (a reduced plan's gap Ac < d < Re accepts the lot but returns the
 * next lots to normal inspection: iso2859-switching.ts).
 */
export function planVerdict(plan: Pick<SinglePlan, 'ac' | 're'>, nonconforming: number): 'accept' | 'reject' {
  return nonconforming >= plan.re ? 'reject' : 'accept';
}
