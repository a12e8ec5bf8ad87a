/**
 * The CLI's progress line for `hotich import`, on stderr (stdout keeps the
 * summary or the JSON): rows read, checked and written, at each change of
 * step and at most once a second in between; on a terminal the line is
 * rewritten in place, otherwise one line per report.
 */
import type { ImportProgress } from '../exchange/index.js';

const STEPS: Record<ImportProgress['phase'], string> = { reading: 'đang đọc tệp', checking: 'đang kiểm tra', writing: 'đang ghi', done: 'xong' };
const n = (x: number) => x.toLocaleString('vi-VN');

export function importProgressLine(p: ImportProgress): string {
  const total = p.rowsTotal > 0 ? ` / ${n(p.rowsTotal)}` : '';
  return `Nhập: ${STEPS[p.phase]} — đã đọc ${n(p.rowsRead)}, đã kiểm tra ${n(p.rowsChecked)}, đã ghi ${n(p.rowsWritten)}${total} dòng`;
}

export function importProgressPrinter(out: NodeJS.WriteStream = process.stderr, everyMs = 1000): (p: ImportProgress) => void {
  let lastAt = 0;
  let lastPhase = '';
  return (p) => {
    const now = Date.now();
    if (p.phase === lastPhase && now - lastAt < everyMs) return;
    lastAt = now;
    lastPhase = p.phase;
    const line = importProgressLine(p);
    out.write(out.isTTY ? `\r\x1b[2K${line}${p.phase === 'done' ? '\n' : ''}` : `${line}\n`);
  };
}
