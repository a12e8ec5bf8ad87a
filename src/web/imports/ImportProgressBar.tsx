/**
 * The progress of an import job as a bar and a Vietnamese line: rows read
 * from the file, checked against the catalog, written as records. The bar
 * counts the three steps together (read, check, write: a third each), so it
 * moves through the whole import instead of filling three times.
 */
import type { ImportProgress } from './imports.api.js';

const n = (x: number) => x.toLocaleString('vi-VN');

const PHASES: Record<ImportProgress['phase'], string> = {
  reading: 'Đang đọc tệp',
  checking: 'Đang kiểm tra từng dòng',
  writing: 'Đang ghi bản ghi',
  done: 'Đã xong',
};

function fraction(p: ImportProgress): number {
  if (p.phase === 'done') return 1;
  if (p.rowsTotal === 0) return 0;
  return (p.rowsRead + p.rowsChecked + p.rowsWritten) / (3 * p.rowsTotal);
}

export function ImportProgressBar({ progress }: { progress: ImportProgress | undefined }) {
  const p = progress ?? { phase: 'reading', rowsTotal: 0, rowsRead: 0, rowsChecked: 0, rowsWritten: 0 };
  const percent = Math.round(fraction(p) * 100);
  return (
    <div className="import-progress" data-testid="import-progress" role="status">
      <progress max={100} value={percent} aria-label="Tiến độ nhập">
        {percent}%
      </progress>{' '}
      <span>
        {PHASES[p.phase]}: đã đọc {n(p.rowsRead)}, đã kiểm tra {n(p.rowsChecked)}, đã ghi {n(p.rowsWritten)}
        {p.rowsTotal > 0 ? ` / ${n(p.rowsTotal)} dòng` : ''} ({percent}%)
      </span>
    </div>
  );
}
