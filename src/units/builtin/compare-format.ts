/**
 * A ComparisonReport as plain text, for logs, tests and release notes: one
 * block per group, one line per non-empty category with its count and at
 * most `shown` examples ("id: ours ≠ reference").
 */
import type { Category, ComparisonReport, Example, SuccessorGroupReport, UnitGroupReport } from './compare.js';

const pct = (n: number, total: number): string => (total === 0 ? '-' : `${((100 * n) / total).toFixed(2)} %`);

function example(e: Example): string {
  const id = e.note === undefined ? e.id : `${e.id} (${e.note})`;
  if (e.ours !== undefined && e.reference !== undefined) return `${id}: ${e.ours} ≠ ${e.reference}`;
  return `${id} ${e.ours ?? e.reference ?? ''}`.trim();
}

function line(label: string, c: Category, shown: number, extra = ''): string[] {
  if (c.count === 0) return [];
  const examples = c.examples.slice(0, shown).map((e) => `    - ${example(e)}`);
  return [`  ${label} (${c.count}${extra}):`, ...examples, ...(c.count > examples.length ? ['    - …'] : [])];
}

function unitBlock(g: UnitGroupReport, shown: number): string[] {
  const reasons = Object.entries(g.spellingDiffers.byReason)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');
  return [
    `${g.group}: ours ${g.ours}, reference ${g.reference}, same code ${g.common} (${pct(g.common, g.reference)} of reference)`,
    ...line('only ours', g.onlyOurs, shown),
    ...line('only reference', g.onlyReference, shown),
    ...line('name differs', g.nameDiffers, shown),
    ...line('same name, other spelling', g.spellingDiffers, shown, reasons ? `: ${reasons}` : ''),
    ...line('kind differs', g.kindDiffers, shown),
    ...line('parent differs', g.parentDiffers, shown),
  ];
}

function linkBlock(g: SuccessorGroupReport, shown: number): string[] {
  return [
    `${g.group}: links ours ${g.ours}, reference ${g.reference}; units linked on both sides ${g.fromInBoth}`,
    `  main successor agrees: single ${g.single.agree}/${g.single.total} (${pct(g.single.agree, g.single.total)}), ` +
      `divided ${g.divided.mainAgrees}/${g.divided.total} (${pct(g.divided.mainAgrees, g.divided.total)}), ` +
      `our main among reference successors ${g.divided.ourMainInReference}/${g.divided.total}`,
    ...line('linked by ours only', g.fromOnlyOurs, shown),
    ...line('linked by reference only', g.fromOnlyReference, shown),
    ...line('links only ours', g.linksOnlyOurs, shown),
    ...line('links only reference', g.linksOnlyReference, shown),
    ...line('main differs', g.mainDisagrees, shown),
  ];
}

export function formatReport(report: ComparisonReport, shown = 15): string {
  return [...report.units.flatMap((g) => unitBlock(g, shown)), ...report.successors.flatMap((g) => linkBlock(g, shown))].join('\n');
}
