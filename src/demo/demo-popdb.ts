/**
 * A small population-DB return file to try the comparison workflow: the
 * match-key xlsx of a commune (exported through src/popdb as the given
 * officer) filled in as the population side would answer — most people
 * found with the book's values, and, chosen by the seed, one with a
 * one-letter slip in the name, one with day and month swapped in the birth
 * date, one not found and one where several people match. Nothing is
 * imported: the user uploads the file on "Đối chiếu CSDL dân cư".
 */
import ExcelJS from 'exceljs';
import type { ActorContext } from '../auth/index.js';
import { exportMatchKeys, popKey, STATUS_KEY, COMPARED_KEYS } from '../popdb/index.js';
import { createRng } from './prng.js';

export const DEMO_POPDB_FILE = 'ket-qua-doi-chieu-dan-cu-minh-hoa.xlsx';

type Twist = 'name_slip' | 'date_swap' | 'not_found' | 'several';
const TWISTS: readonly Twist[] = ['name_slip', 'date_swap', 'not_found', 'several'];

/** "Nguyễn Văn Bính" -> "Nguyễn Văn Bình": the last letter with a tone mark gets another tone (or the last letter doubles). */
function slip(name: string): string {
  const swaps: Record<string, string> = {
    á: 'à',
    à: 'á',
    ả: 'ã',
    ã: 'ả',
    ạ: 'á',
    é: 'è',
    è: 'é',
    í: 'ì',
    ì: 'í',
    ó: 'ò',
    ò: 'ó',
    ú: 'ù',
    ù: 'ú',
    ý: 'ỳ',
    ế: 'ề',
    ề: 'ế',
    ố: 'ồ',
    ồ: 'ố',
    ớ: 'ờ',
    ờ: 'ớ',
    ứ: 'ừ',
    ừ: 'ứ',
  };
  const chars = [...name];
  for (let i = chars.length - 1; i >= 0; i--) {
    const other = swaps[chars[i]!];
    if (other) return [...chars.slice(0, i), other, ...chars.slice(i + 1)].join('');
  }
  return `${name}h`;
}

const swapDayMonth = (d: string) => (/^\d{2}\.\d{2}\.\d{4}$/.test(d) ? `${d.slice(3, 5)}.${d.slice(0, 2)}.${d.slice(6)}` : d);

function answer(twist: Twist | undefined, keys: Readonly<Record<string, string>>): Record<string, string> {
  if (twist === 'not_found') return { [STATUS_KEY]: 'Không tìm thấy' };
  if (twist === 'several') return { [STATUS_KEY]: 'Nhiều kết quả' };
  const out: Record<string, string> = { [STATUS_KEY]: 'Tìm thấy' };
  for (const k of COMPARED_KEYS) out[popKey(k)] = keys[k] ?? '';
  if (twist === 'name_slip') out[popKey('hoTen')] = slip(keys.hoTen ?? '');
  if (twist === 'date_swap') out[popKey('ngaySinh')] = swapDayMonth(keys.ngaySinh ?? '');
  return out;
}

/** Which rows get which twist: distinct rows drawn from the seed (fewer twists when the file is short). */
function twistsOf(rows: number, seed: number): Map<number, Twist> {
  const rng = createRng(seed);
  const free = Array.from({ length: rows }, (_, i) => i);
  const out = new Map<number, Twist>();
  for (const t of TWISTS.slice(0, Math.max(0, Math.min(TWISTS.length, rows - 1)))) out.set(free.splice(rng.int(0, free.length - 1), 1)[0]!, t);
  return out;
}

export async function demoPopdbReturn(ctx: ActorContext, unitRef: string, seed: number): Promise<{ name: string; bytes: Buffer; rows: number }> {
  const { files } = await exportMatchKeys(ctx, unitRef);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(files.find((f) => f.name.endsWith('.xlsx'))!.bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('DoiChieu')!;
  const colOf = new Map<string, number>();
  ws.getRow(1).eachCell((c, col) => colOf.set(/\(([A-Za-z]+)\)$/.exec(String(c.value))?.[1] ?? '', col));
  const rows = ws.actualRowCount - 1;
  const twists = twistsOf(rows, seed);
  for (let i = 0; i < rows; i++) {
    const row = ws.getRow(i + 2);
    const keys = Object.fromEntries([...colOf].map(([k, col]) => [k, String(row.getCell(col).value ?? '')]));
    for (const [k, v] of Object.entries(answer(twists.get(i), keys))) row.getCell(colOf.get(k)!).value = v;
  }
  return { name: DEMO_POPDB_FILE, bytes: Buffer.from(await wb.xlsx.writeBuffer()), rows };
}
