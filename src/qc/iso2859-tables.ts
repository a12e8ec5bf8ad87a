/**
 * ISO 2859-1 / ANSI Z1.4 single sampling tables as data (QC.md §1, checked
 * there against three sources). Table I (code letters) is stored as printed.
 * Tables II-A/B/C are stored by their diagonals: in every one of them a cell
 * depends only on (letter index + AQL-column index), so one row of cells per
 * severity reproduces each printed table exactly, arrows included; the golden
 * tests (iso2859.test.ts) pin every resolved cell of QC.md's tables.
 * Scope: AQL 0.010–6.5 (percent nonconforming), the range data entry needs.
 */

export const CODE_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'Q', 'R'] as const;
export type CodeLetter = (typeof CODE_LETTERS)[number];

export const INSPECTION_LEVELS = ['S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III'] as const;
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];

/** Table I: [largest lot size of the row, letters for S-1 S-2 S-3 S-4 I II III]. */
export const TABLE_I: readonly (readonly [number, string])[] = [
  [8, 'AAAAAAB'],
  [15, 'AAAAABC'],
  [25, 'AABBBCD'],
  [50, 'ABBCCDE'],
  [90, 'BBCCCEF'],
  [150, 'BBCDDFG'],
  [280, 'BCDEEGH'],
  [500, 'BCDEFHJ'],
  [1200, 'CCEFGJK'],
  [3200, 'CDEGHKL'],
  [10000, 'CDFGJLM'],
  [35000, 'CDFHKMN'],
  [150000, 'DEGJLNP'],
  [500000, 'DEGJMPQ'],
  [Infinity, 'DEHKNQR'],
];

/** The AQL columns (percent nonconforming) this table covers, in printed order. */
export const AQL_VALUES = [0.01, 0.015, 0.025, 0.04, 0.065, 0.1, 0.15, 0.25, 0.4, 0.65, 1, 1.5, 2.5, 4, 6.5] as const;

export const SEVERITIES = ['normal', 'tightened', 'reduced'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Sample size per code letter: normal and tightened share them; reduced has its own (Table II-C). */
export const SAMPLE_SIZES: Record<Severity, readonly number[]> = {
  normal: [2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000],
  tightened: [2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000],
  reduced: [2, 2, 2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800],
};

/** A printed cell: a plan (Ac/Re) or an arrow to follow. */
export type Cell = { ac: number; re: number } | 'down' | 'up';

/**
 * Cell by diagonal d = letter index (A = 0) + AQL index (0.010 = 0): below
 * FIRST_DIAGONAL the cell is ↓, past the list it is ↑ (no plan beyond the last).
 */
export const FIRST_DIAGONAL = 14;
export const DIAGONALS: Record<Severity, readonly Cell[]> = {
  normal: [{ ac: 0, re: 1 }, 'up', 'down', { ac: 1, re: 2 }, { ac: 2, re: 3 }, { ac: 3, re: 4 }, { ac: 5, re: 6 }, { ac: 7, re: 8 }, { ac: 10, re: 11 }, { ac: 14, re: 15 }, { ac: 21, re: 22 }],
  tightened: ['down', { ac: 0, re: 1 }, 'down', 'down', { ac: 1, re: 2 }, { ac: 2, re: 3 }, { ac: 3, re: 4 }, { ac: 5, re: 6 }, { ac: 8, re: 9 }, { ac: 12, re: 13 }, { ac: 18, re: 19 }],
  reduced: [{ ac: 0, re: 1 }, 'up', 'down', { ac: 0, re: 2 }, { ac: 1, re: 3 }, { ac: 1, re: 4 }, { ac: 2, re: 5 }, { ac: 3, re: 6 }, { ac: 5, re: 8 }, { ac: 7, re: 10 }, { ac: 10, re: 13 }],
};
