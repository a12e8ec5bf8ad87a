/**
 * The spreadsheet baseline of bench:keying: an OPTIMAL keyer typing a book's
 * registrations into the MoJ template (one row per registration, the
 * template's columns in order) in Microsoft Excel, using Excel's own aids.
 * A simulator, not a recording: for each cell it takes the cheapest of the
 * documented ways to put the value there, so the baseline is as strong as an
 * expert with perfect foresight. Keys are counted like the screen keyer's:
 * one per character typed, one per key or chord pressed (Ctrl+D is one).
 *
 * Modelled behaviour (Microsoft support, "Turn automatic completion of cell
 * entries on or off" and "Keyboard shortcuts in Excel"):
 * - AutoComplete: "If the first few characters that you type in a cell match
 *   an existing entry in that column, Excel fills in the remaining
 *   characters for you." It completes only when the typed characters match
 *   ONE entry (several matches: no completion), looks only at the list of
 *   entries contiguous with the active cell in that column (an empty cell
 *   ends the list), compares without regard to case, and never completes
 *   numbers, dates or times (here: values that read as numbers; dotted dates
 *   are taken as text, which favours Excel). Enter or Tab accepts. When the
 *   keyer types a whole value that is the beginning of exactly one longer
 *   entry, the proposed rest must be deleted (one Delete).
 * - Pick From Drop-down List (Alt+↓): the column's contiguous entries, one
 *   of each, sorted; ↓ to the entry, Enter.
 * - Fill Down (Ctrl+D) copies the cell above into the active cell (Ctrl+'
 *   does the same into the edit line): one chord.
 * - Tab moves one cell right; Enter after a run of Tabs returns to the column
 *   where the run started, one row down ("Enter returns to the starting
 *   column"): so every cell costs one moving key, the last one's is Enter.
 * - Columns no registration of the book uses are hidden before keying (Tab
 *   skips hidden columns) at no cost: hindsight the screen keyer does not get.
 * - A column that counts up by one down the whole book (STT, số) is filled
 *   once with Fill Series (F5, the range, Enter, Alt H F I S, Enter) instead
 *   of being typed; each row then only Tabs past it.
 */
import type { RegisterTemplate } from '../../src/registers/index.js';

export type Values = Record<string, string>;

export interface SpreadsheetCount {
  keys: number;
  /** How the cells were filled: typed in full, AutoComplete, pick list, fill down, series, empty. */
  cells: Record<'typed' | 'autoComplete' | 'pickList' | 'fillDown' | 'series' | 'empty', number>;
}

const isNumber = (v: string) => /^[+-]?\d+([.,]\d+)?$/.test(v.trim());
const lower = (s: string) => s.toLocaleLowerCase('vi');

/** The entries AutoComplete and the pick list see: the cells contiguous above row `r` (an empty cell ends them), text only, one of each. */
function columnEntries(rows: readonly Values[], r: number, key: string): string[] {
  const out = new Map<string, string>();
  for (let i = r - 1; i >= 0; i--) {
    const v = rows[i]![key] ?? '';
    if (v === '') break;
    if (!isNumber(v) && !out.has(lower(v))) out.set(lower(v), v);
  }
  return [...out.values()];
}

/** Characters to type before AutoComplete offers exactly `v` (then Tab takes it); undefined when it never does. */
function autoCompletePrefix(v: string, entries: readonly string[]): number | undefined {
  if (isNumber(v) || !entries.includes(v)) return undefined;
  for (let n = 1; n < v.length; n++) {
    const typed = lower(v.slice(0, n));
    const hits = entries.filter((e) => lower(e).startsWith(typed));
    if (hits.length === 1) return n;
  }
  return undefined;
}

/** Typing `v` in full: one Delete more when AutoComplete proposes a longer entry. */
function typedInFull(v: string, entries: readonly string[]): number {
  if (isNumber(v)) return v.length;
  const longer = entries.filter((e) => lower(e).startsWith(lower(v)));
  return v.length + (longer.length === 1 && longer[0] !== v ? 1 : 0);
}

function countsUp(rows: readonly Values[], key: string): boolean {
  return rows.length > 1 && rows.every((row, i) => /^\d+$/.test(row[key] ?? '') && Number(row[key]) === Number(rows[0]![key]) + i);
}

/** Keys to type one book's registrations into the template in Excel. */
export function spreadsheetKeys(template: RegisterTemplate, rows: readonly Values[]): SpreadsheetCount {
  const cells: SpreadsheetCount['cells'] = { typed: 0, autoComplete: 0, pickList: 0, fillDown: 0, series: 0, empty: 0 };
  let keys = 0;
  const rowsWithStt: Values[] = rows.map((row, i) => ({ ...row, STT: String(i + 1) }));
  const columns = template.fields.map((f) => f.key).filter((key) => rowsWithStt.some((row) => (row[key] ?? '') !== ''));
  const series = new Set(columns.filter((key) => countsUp(rowsWithStt, key)));
  // Fill Series once per column: F5, the range ("B2:B23"), Enter, Alt H F I S, Enter.
  keys += series.size * (1 + `B2:B${rows.length + 1}`.length + 1 + 5 + 1);
  rowsWithStt.forEach((row, r) => {
    for (const key of columns) {
      keys += 1; // Tab (Enter on the row's last cell)
      const v = row[key] ?? '';
      if (series.has(key)) {
        cells.series++;
        continue;
      }
      if (v === '') {
        cells.empty++;
        continue;
      }
      const entries = columnEntries(rowsWithStt, r, key);
      const options: [keyof SpreadsheetCount['cells'], number][] = [['typed', typedInFull(v, entries)]];
      if (r > 0 && (rowsWithStt[r - 1]![key] ?? '') === v) options.push(['fillDown', 1]);
      const prefix = autoCompletePrefix(v, entries);
      if (prefix !== undefined) options.push(['autoComplete', prefix]);
      const sorted = [...entries].sort((a, b) => a.localeCompare(b, 'vi'));
      const at = sorted.indexOf(v);
      if (at >= 0) options.push(['pickList', 1 + (at + 1) + 1]); // Alt+↓, ↓ to it, Enter
      const [how, cost] = options.reduce((a, b) => (b[1] < a[1] ? b : a));
      cells[how]++;
      keys += cost;
    }
  });
  return { keys, cells };
}
