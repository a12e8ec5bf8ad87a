/**
 * Sampling review (#/qc/lots/:id/review[/:recordId]): one sampled registration
 * at a time, its page image beside every field. Each field is correct by
 * default. Keyboard: ↓/↑ (or j/k) move between fields, Space or x marks the
 * field wrong and asks for the correct value (Enter keeps it, Esc cancels),
 * Enter saves the checks of this registration and opens the next one.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { getSampled, submitChecks, type SampledRecord } from './acceptance.api.js';
import './acceptance.css';

type Wrong = Record<string, string>;

function initialWrong(r: SampledRecord): Wrong {
  return Object.fromEntries(r.fields.filter((f) => f.check && !f.check.ok).map((f) => [f.key, f.check!.correctValue ?? '']));
}

export function SamplingReview({ lotId, recordId, onDone }: { lotId: string; recordId: string; onDone: () => void }) {
  const [rec, setRec] = useState<SampledRecord>();
  const [wrong, setWrong] = useState<Wrong>({});
  const [cursor, setCursor] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [page, setPage] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    getSampled(lotId, recordId).then(
      (r) => {
        setRec(r);
        setWrong(initialWrong(r));
        setCursor(0);
        setEditing(null);
        setError('');
        list.current?.focus();
      },
      (e: Error) => setError(e.message),
    );
  }, [lotId, recordId]);
  const save = useCallback(async () => {
    if (!rec) return;
    try {
      const saved = await submitChecks(lotId, rec.recordId, wrong);
      if (saved.next) location.hash = `#/qc/lots/${lotId}/review/${saved.next}`;
      else onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  }, [lotId, rec, wrong, onDone]);
  if (!rec) return <p role={error ? 'alert' : undefined}>{error || 'Đang tải bản ghi mẫu…'}</p>;
  const field = rec.fields[cursor];
  const onKey = (e: KeyboardEvent) => {
    if (editing) return;
    if (e.key === 'ArrowDown' || e.key === 'j') {
      e.preventDefault();
      setCursor((c) => Math.min(rec.fields.length - 1, c + 1));
    } else if (e.key === 'ArrowUp' || e.key === 'k') {
      e.preventDefault();
      setCursor((c) => Math.max(0, c - 1));
    } else if ((e.key === ' ' || e.key === 'x') && field) {
      e.preventDefault();
      if (field.key in wrong) setWrong(({ [field.key]: _, ...rest }) => rest);
      else {
        setWrong((w) => ({ ...w, [field.key]: field.value }));
        setEditing(field.key);
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    }
  };
  const endEdit = (keep: boolean) => {
    if (!keep && editing) setWrong(({ [editing]: _, ...rest }) => rest);
    setEditing(null);
    list.current?.focus();
  };
  const pageId = rec.pageIds[page];
  return (
    <section className="qc-review">
      <div className="qc-review-image">
        {pageId ? <img alt={`Trang ${page + 1} của bản ghi`} src={`/iiif/3/${pageId}/full/max/0/default.jpg`} /> : <p>Bản ghi không có ảnh trang.</p>}
        {rec.pageIds.length > 1 && (
          <p>
            {rec.pageIds.map((_, i) => (
              <button key={i} className="link" onClick={() => setPage(i)}>
                Trang {i + 1}{' '}
              </button>
            ))}
          </p>
        )}
      </div>
      <div className="qc-review-fields" ref={list} tabIndex={0} onKeyDown={onKey} data-testid="review-fields" aria-label="Các trường cần kiểm tra">
        <h2>
          Bản ghi mẫu {rec.seq}/{rec.total}
        </h2>
        <p className="hint">↓/↑ chọn trường · Space hoặc x: đánh dấu sai và nhập giá trị đúng · Enter: lưu và sang bản ghi tiếp</p>
        {error && <p role="alert">{error}</p>}
        <table>
          <tbody>
            {rec.fields.map((f, i) => (
              <tr key={f.key} data-field={f.key} className={`${i === cursor ? 'qc-cursor' : ''} ${f.key in wrong ? 'qc-wrong' : ''}`} aria-selected={i === cursor}>
                <td>{f.critical ? <strong title="Trường trọng yếu">{f.label} *</strong> : f.label}</td>
                <td>{f.value || <span className="hint">(trống)</span>}</td>
                <td data-testid={`mark-${f.key}`}>
                  {editing === f.key ? (
                    <input
                      autoFocus
                      aria-label={`Giá trị đúng của ${f.label}`}
                      value={wrong[f.key] ?? ''}
                      onChange={(e) => setWrong((w) => ({ ...w, [f.key]: e.target.value }))}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault();
                          e.stopPropagation();
                          endEdit(true);
                        }
                        if (e.key === 'Escape') {
                          e.preventDefault();
                          endEdit(false);
                        }
                      }}
                    />
                  ) : f.key in wrong ? (
                    `Sai → ${wrong[f.key] || '(trống)'}`
                  ) : (
                    'Đúng'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <button onClick={() => void save()}>Lưu kết quả và sang bản ghi tiếp (Enter)</button>
        </p>
      </div>
    </section>
  );
}
