/**
 * A table that scrolls through thousands of rows while rendering only those in
 * view (plus a margin): a real <table> inside a scrolling box, rows of one
 * fixed height, the rows above and below the view stood in for by one spacer
 * row each (present only when they hold something). `onRange` tells the
 * caller which rows are in view so it can fetch them; `row(i)` may return
 * undefined for a row not fetched yet (a placeholder row is shown).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  count: number;
  /** Height of one row in pixels (the CSS keeps rows to one line). */
  rowHeight?: number;
  /** Height of the scrolling box in pixels. */
  height?: number;
  columns: number;
  head: ReactNode;
  row: (index: number) => ReactNode | undefined;
  onRange?: (first: number, last: number) => void;
  label: string;
  overscan?: number;
}

export function VirtualTable({ count, rowHeight = 32, height = 520, columns, head, row, onRange, label, overscan = 12 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan);
  useEffect(() => onRange?.(first, last), [first, last, onRange]);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      row(i) ?? (
        <tr key={`wait-${i}`} className="placeholder-row" style={{ height: rowHeight }}>
          <td colSpan={columns}>…</td>
        </tr>
      ),
    );
  }
  const before = first * rowHeight;
  const after = (count - last) * rowHeight;
  return (
    <div ref={box} className="virtual-table" style={{ maxHeight: height }} onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
      <table aria-label={label} aria-rowcount={count + 1}>
        <thead>{head}</thead>
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns} style={{ height: before }} />
            </tr>
          )}
          {rows}
          {after > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns} style={{ height: after }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
