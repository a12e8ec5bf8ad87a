/**
 * npm run bench:keying — keystrokes to key 100 demo registrations in the
 * workbench against typing every field into the MoJ Excel template, counted
 * from the demo's ground truth (demoProvince: the same records the demo
 * renders), field by field, in template column order.
 *
 * Excel (the baseline): every cell of the template row is visited (Tab), the
 * STT is typed, every value typed in full (dates as dd.mm.yyyy with dots,
 * codes as their digit).
 * Workbench: STT is assigned (not in the tab order); Tab per field; dates
 * typed as digits only (01092008, 091985, 1985); code lists picked with their
 * digit; ethnicity and nationality by the shortest prefix that makes the
 * autocomplete unique, then Enter; copy-forward (Ctrl+D, 2 keys) fills the
 * fields marked copyForward that repeat the previous registration of the book;
 * defaults (defaultValue) cost nothing when they are right. Everything else is
 * typed in full. ratio = workbench ÷ Excel (lower is better).
 */
import { demoProvince, demoRecords } from '../src/demo/index.js';
import { getTemplate, type FieldDef } from '../src/registers/index.js';
import { ETHNIC_GROUPS, listNationalities, searchKey } from '../src/vn/index.js';

const N = 100;

/** Shortest prefix of a name's search key that no other name shares. */
function uniquePrefix(value: string, names: readonly string[]): number {
  const key = searchKey(value);
  const others = names.map(searchKey).filter((k) => k !== key);
  for (let n = 1; n <= key.length; n++) if (!others.some((o) => o.startsWith(key.slice(0, n)))) return n;
  return key.length;
}

const ethnicNames = ETHNIC_GROUPS.map((g) => g.name);
const nationNames = listNationalities().map((n) => n.name);

function workbenchKeys(f: FieldDef, value: string, previous: string | undefined): number {
  if (f.type === 'rowNo') return 0;
  if (f.copyForward && value && value === previous) return 1; // Tab past a field Ctrl+D filled
  if (f.defaultValue !== undefined && value === f.defaultValue) return 1;
  if (!value) return 1;
  if (f.type === 'date') return value.replace(/\D/g, '').length + 1;
  if (f.type === 'ethnicity') return uniquePrefix(value, ethnicNames) + 2; // prefix, Enter, Tab
  if (f.type === 'nationality') return uniquePrefix(value, nationNames) + 2;
  return value.length + 1; // codes: their digit; everything else typed in full
}

function excelKeys(f: FieldDef, value: string, rowNo: number): number {
  if (f.type === 'rowNo') return String(rowNo).length + 1;
  return value.length + 1;
}

function main(): void {
  const records = demoRecords(demoProvince()).slice(0, N);
  let workbench = 0;
  let excel = 0;
  let previous: { bookId: string; values: Record<string, string> } | undefined;
  records.forEach(({ book, record }, i) => {
    const template = getTemplate(book.registerType);
    const prev = previous?.bookId === book.key ? previous.values : undefined;
    const copied = template.fields.some((f) => f.copyForward && record.values[f.key] && record.values[f.key] === prev?.[f.key]);
    workbench += copied ? 2 : 0;
    for (const f of template.fields) {
      const value = record.values[f.key] ?? '';
      workbench += workbenchKeys(f, value, prev?.[f.key]);
      excel += excelKeys(f, value, i + 1);
    }
    previous = { bookId: book.key, values: record.values };
  });
  console.log(
    `${records.length} việc đăng ký minh họa: bàn nhập liệu ${workbench} phím (${(workbench / records.length).toFixed(1)}/việc), mẫu Excel ${excel} phím (${(excel / records.length).toFixed(1)}/việc)`,
  );
  console.log(
    JSON.stringify({
      bench: 'keying',
      metric: 'keystrokes',
      value: workbench,
      baseline: excel,
      ratio: workbench / excel,
      records: records.length,
      perRecord: workbench / records.length,
      excelPerRecord: excel / records.length,
    }),
  );
}

main();
