/**
 * Route #/qc/arbitration[/<bookId>]: the arbitrator's queue, one disagreement
 * at a time. The page region is shown above the two keyed values, which are
 * anonymous and in a random but stable order ("1" is not pass A). Keyboard:
 * 1 or 2 chooses a value, 3 (or just typing) enters a third value, Enter
 * confirms, Esc clears the choice.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { qcApi, regionImageUrl, type NextArbitration } from './keying-qc.api.js';
import './keying-qc.css';

type Choice = 'first' | 'second' | 'other';

const shown = (v: string) => (v === '' ? '(để trống)' : v);

export function ArbitrationPage({ bookId }: { bookId?: string }) {
  const [next, setNext] = useState<NextArbitration>();
  const [choice, setChoice] = useState<Choice>();
  const [other, setOther] = useState('');
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const otherRef = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    setChoice(undefined);
    setOther('');
    qcApi.nextArbitration(bookId).then(setNext, (e: Error) => setMessage(e.message));
  }, [bookId]);
  useEffect(load, [load]);

  const item = next?.item ?? undefined;
  const confirm = useCallback(async () => {
    if (!item || !choice || busy) return;
    setBusy(true);
    try {
      const d = await qcApi.decide(item.id, choice, choice === 'other' ? other : undefined);
      setMessage(`Đã quyết định "${shown(d.value)}" cho ${item.fieldLabel}.${d.registrationCompleted ? ' Việc đăng ký đã hoàn thành.' : ''}`);
      load();
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  }, [item, choice, other, busy, load]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!item || e.ctrlKey || e.metaKey || e.altKey) return;
      const inOther = document.activeElement === otherRef.current;
      if (e.key === 'Enter') return void (e.preventDefault(), confirm());
      if (e.key === 'Escape') return void (setChoice(undefined), otherRef.current?.blur());
      if (inOther) return;
      if (e.key === '1' || e.key === '2') return void (e.preventDefault(), setChoice(e.key === '1' ? 'first' : 'second'));
      if (e.key === '3' || e.key.length === 1) {
        if (e.key === '3') e.preventDefault();
        setChoice('other');
        otherRef.current?.focus();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [item, confirm]);

  const back = bookId ? `#/books/${bookId}` : '#/';
  if (!next)
    return (
      <section>
        <p>Đang tải…</p>
        {message && <p role="alert">{message}</p>}
      </section>
    );
  if (!item) {
    return (
      <section>
        <p>
          <a href={back}>← Quay lại</a>
        </p>
        <h2>Trọng tài hai lần nhập</h2>
        {message && <p role="status">{message}</p>}
        <p data-testid="arbitration-empty">Không còn điểm khác biệt nào bạn được làm trọng tài.</p>
      </section>
    );
  }
  const src = regionImageUrl(item);
  return (
    <section className="arbitration" data-testid="arbitration">
      <p>
        <a href={back}>← Quay lại</a> · Còn {next.remaining} điểm khác biệt
      </p>
      <h2>
        {item.fieldLabel} {item.critical && <span className="badge">Trường trọng yếu</span>}
      </h2>
      {src && <img className="arbitration-region" src={src} alt={`Vùng ảnh của việc đăng ký (trường ${item.fieldLabel})`} />}
      <ol className="arbitration-values" aria-label="Hai giá trị đã nhập">
        {item.values.map((v, i) => {
          const c: Choice = i === 0 ? 'first' : 'second';
          return (
            <li key={c}>
              <button type="button" aria-pressed={choice === c} className={choice === c ? 'chosen' : ''} onClick={() => setChoice(c)} data-testid={`value-${i + 1}`}>
                <kbd>{i + 1}</kbd> <span className="value">{shown(v)}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <label className={choice === 'other' ? 'chosen' : ''}>
        <kbd>3</kbd> Giá trị khác: <input ref={otherRef} value={other} onFocus={() => setChoice('other')} onChange={(e) => setOther(e.target.value)} aria-label="Giá trị khác" />
      </label>
      <p>
        <button type="button" onClick={() => void confirm()} disabled={!choice || busy}>
          Xác nhận (Enter)
        </button>
      </p>
      {message && <p role="status">{message}</p>}
      <footer className="shortcut-help">
        <span>
          <kbd>1</kbd>/<kbd>2</kbd> chọn giá trị
        </span>{' '}
        <span>
          <kbd>3</kbd> hoặc gõ: giá trị khác
        </span>{' '}
        <span>
          <kbd>Enter</kbd> xác nhận
        </span>{' '}
        <span>
          <kbd>Esc</kbd> bỏ chọn
        </span>
      </footer>
    </section>
  );
}
