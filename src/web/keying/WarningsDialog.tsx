/**
 * Completing with warnings left: each one shown with the field it is about
 * and a checkbox "Tôi đã đối chiếu với sổ"; when all are ticked the keyer
 * confirms, the acknowledgements are saved, then the record is completed.
 * Keyboard: Space ticks, Tab moves, Enter confirms, Esc goes back to the form.
 */
import { useEffect, useRef, useState } from 'react';
import type { Finding } from './keying.api.js';

interface Props {
  warnings: readonly Finding[];
  labelOf(key: string): string;
  busy: boolean;
  onConfirm(codes: string[]): void;
  onCancel(): void;
}

export const ackCode = (w: Finding): string => `${w.path}:${w.code}`;

export function WarningsDialog({ warnings, labelOf, busy, onConfirm, onCancel }: Props) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const all = warnings.every((w) => checked.has(ackCode(w)));
  const toggle = (code: string) =>
    setChecked((s) => {
      const next = new Set(s);
      if (!next.delete(code)) next.add(code);
      return next;
    });
  return (
    <div className="warnings-dialog" role="dialog" aria-label="Cảnh báo cần xác nhận" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h3>Còn {warnings.length} cảnh báo cần xác nhận trước khi hoàn thành</h3>
      <ul>
        {warnings.map((w, i) => (
          <li key={ackCode(w)}>
            <p>
              <b>{labelOf(w.path)}</b>: {w.message}
            </p>
            <label>
              <input
                type="checkbox"
                ref={i === 0 ? first : undefined}
                checked={checked.has(ackCode(w))}
                onChange={() => toggle(ackCode(w))}
                onKeyDown={(e) => e.key === 'Enter' && all && onConfirm(warnings.map(ackCode))}
              />
              Tôi đã đối chiếu với sổ
            </label>
          </li>
        ))}
      </ul>
      <p className="dialog-actions">
        <button type="button" disabled={!all || busy} onClick={() => onConfirm(warnings.map(ackCode))}>
          Xác nhận và hoàn thành
        </button>
        <button type="button" className="link" onClick={onCancel}>
          Quay lại sửa (Esc)
        </button>
      </p>
    </div>
  );
}
