/**
 * Choosing an administrative unit by typing its name (GET /api/units/lookup):
 * the hits are buttons under the box, each with its path and era so that
 * namesakes are told apart; ↓ from the box goes to the first hit, Esc closes
 * the list. Keyboard only is enough.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { lookupUnits, type UnitHit } from './admin.api.js';
import { unitHitText } from './labels.js';

export function UnitPicker({ label, onPick, placeholder = 'Gõ tên xã, huyện hoặc tỉnh…' }: { label: string; onPick(u: UnitHit): void; placeholder?: string }) {
  const [q, setQ] = useState('');
  const [result, setResult] = useState<{ for: string; hits: UnitHit[] }>({ for: '', hits: [] });
  const [error, setError] = useState<string>();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const text = q.trim();
    if (!text) return setResult({ for: '', hits: [] });
    const ac = new AbortController();
    const timer = setTimeout(() => {
      lookupUnits(text, ac.signal).then(
        (hits) => {
          setResult({ for: text, hits });
          setError(undefined);
        },
        (e: Error) => !ac.signal.aborted && setError(e.message),
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [q]);

  function pick(u: UnitHit) {
    onPick(u);
    setQ('');
    setResult({ for: '', hits: [] });
  }
  function onKey(e: KeyboardEvent) {
    if (e.key === 'Escape') setResult({ for: '', hits: [] });
    if (e.key === 'ArrowDown' && e.currentTarget.tagName === 'INPUT') {
      e.preventDefault();
      list.current?.querySelector('button')?.focus();
    }
  }
  function onListKey(e: KeyboardEvent<HTMLUListElement>) {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return onKey(e);
    e.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, at + step))]?.focus();
  }

  const hits = result.hits;
  return (
    <div className="unit-picker">
      <label>
        {label} <input value={q} onChange={(e) => setQ(e.target.value)} onKeyDown={onKey} placeholder={placeholder} autoComplete="off" />
      </label>
      {error && <p role="alert">{error}</p>}
      {hits.length > 0 && (
        <ul ref={list} className="unit-hits" aria-label={`Kết quả: ${label}`} onKeyDown={onListKey}>
          {hits.map((u) => (
            <li key={u.id}>
              <button type="button" onClick={() => pick(u)}>
                {unitHitText(u)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {q.trim() && result.for === q.trim() && hits.length === 0 && !error && <p className="hint">Chưa thấy đơn vị nào khớp.</p>}
    </div>
  );
}
