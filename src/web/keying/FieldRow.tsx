/**
 * One field of the form: label with the required marker, the input, the
 * uncertain / illegible mark (Alt+U), and under it the date read back
 * (dd.mm.yyyy and in words; a lunar date's solar day next to the text as
 * keyed), the help while focused, and the findings. A finding that offers a
 * fix (legacy font -> Unicode, look-alike letters, a code alias) has a
 * button; pressing it puts the fixed value in the field, saved like any
 * keyed change (so it is in the record's history). While focused, the
 * keying aids' suggestions (aids.ts) are listed under the input: Enter takes
 * the one marked, ↓/↑ choose. A field the focus order skips says so.
 */
import { memo, type KeyboardEvent } from 'react';
import type { DateReading } from '../../registers/index.js';
import type { Suggestion } from './aids.js';
import { FieldInput } from './FieldInput.js';
import { optionLabel } from './form-fields.js';
import { FLAG_LABELS, type FieldFlag, type Finding, type FormField } from './keying.api.js';
import type { FieldElement } from './useFieldFocus.js';

export interface FieldRowProps {
  /** The machine read this value (src/ocr) and the keyer has not changed it: shown differently, with its confidence. */
  machine?: { confidence: number } | undefined;
  field: FormField;
  value: string;
  flag: FieldFlag | undefined;
  required: boolean;
  mustBeEmpty: boolean;
  /** A date field's value as the validator reads it (registers' dateReading); undefined while empty. */
  dateReading: DateReading | undefined;
  findings: readonly Finding[];
  focused: boolean;
  inputRef: (el: FieldElement | null) => void;
  onChange(key: string, value: string): void;
  onFocus(key: string): void;
  onBlur(key: string): void;
  onToggleFlag(key: string): void;
  onKeyDown(e: KeyboardEvent<FieldElement>, key: string): void;
  /** The keying aids' suggestions (only the focused field has any) and the one Enter takes. */
  suggestions: readonly Suggestion[];
  choice: number;
  /** Tab passes over this field (the book does not use it); Ctrl+J or a click reach it. */
  skipped: boolean;
}

const SEVERITY_LABELS = { ERROR: 'Lỗi', WARNING: 'Cảnh báo', INFO: 'Lưu ý' } as const;

/** The date read back; a date that cannot be read says why, unless a finding of the field already says it. */
function DateReadBack({ hint, findings }: { hint: DateReading | undefined; findings: readonly Finding[] }) {
  if (!hint) return null;
  if (!hint.ok) return findings.some((f) => f.message === hint.message) ? null : <span className="date-hint bad">{hint.message}</span>;
  return (
    <span className="date-hint" data-testid="date-hint">
      {hint.lunar && 'Dương lịch: '}
      <b>{hint.normalized}</b> · {hint.words}
      {hint.lunar && ' (ô nhập giữ nguyên ngày âm lịch như trong sổ)'}
    </span>
  );
}

function SuggestionList({ items, choice, field }: { items: readonly Suggestion[]; choice: number; field: FormField }) {
  if (items.length === 0) return null;
  const shown = (v: string) => (field.widget === 'select' ? optionLabel(field, v) : v);
  return (
    <ul className="suggestions" role="listbox" aria-label={`Gợi ý cho ${field.label}`} data-testid="suggestions">
      {items.map((s, i) => (
        <li key={s.value} role="option" aria-selected={i === choice} data-value={s.value} data-word={s.word ? '1' : undefined} className={i === choice ? 'active' : ''}>
          <b>{shown(s.value)}</b> <span className="source">({s.source})</span>
          {i === choice && <kbd>Enter</kbd>}
        </li>
      ))}
      {items.length > 1 && <li className="hint">↓/↑ để chọn gợi ý khác; Tab để bỏ qua gợi ý.</li>}
    </ul>
  );
}

function FixButton({ finding, onApply }: { finding: Finding; onApply(value: string): void }) {
  if (!finding.fix) return null;
  const { value, label } = finding.fix;
  return (
    <button type="button" className="fix" data-testid="finding-fix" onClick={() => onApply(value)} title="Thay giá trị của ô bằng giá trị đề xuất (sẽ được lưu như một lần sửa)">
      {label}
    </button>
  );
}

function FlagButton({ flag, label, onClick }: { flag: FieldFlag | undefined; label: string; onClick(): void }) {
  const text = flag ? FLAG_LABELS[flag.kind] : '?';
  return (
    <button
      type="button"
      tabIndex={-1}
      className={`flag-toggle ${flag?.kind ?? ''}`}
      onClick={onClick}
      title={`Đánh dấu "${label}": chưa chắc / không đọc được (Alt+U)`}
      aria-pressed={flag !== undefined}
    >
      {text}
    </button>
  );
}

export const FieldRow = memo(function FieldRow(p: FieldRowProps) {
  const { field } = p;
  const id = `f-${field.key}`;
  const msgId = `${id}-msg`;
  const errors = p.findings.filter((f) => f.severity === 'ERROR');
  return (
    <div className={`field-row${p.focused ? ' focused' : ''}${p.flag ? ' flagged' : ''}${p.skipped ? ' skipped' : ''}${p.machine ? ' machine-read' : ''}`} data-field={field.key}>
      <label htmlFor={id}>
        {field.label}
        {p.required && (
          <span className="req" title="bắt buộc">
            {' '}
            *
          </span>
        )}
        {p.mustBeEmpty && <span className="must-empty"> (để trống)</span>}
        {p.skipped && !p.mustBeEmpty && (
          <span className="skipped-note" title="Sổ này chưa dùng trường này: phím Tab bỏ qua; tới bằng Ctrl+J hoặc bấm chuột.">
            {' '}
            (Tab bỏ qua)
          </span>
        )}
        {p.machine && (
          <span className="machine-badge" data-testid="machine-read" title="Máy đọc từ ảnh trang sổ: hãy so với ảnh rồi giữ nguyên hoặc sửa">
            {' '}
            máy đọc {Math.round(p.machine.confidence * 100)}%
          </span>
        )}
      </label>
      <div className="field-input">
        <FieldInput
          field={field}
          value={p.value}
          focused={p.focused}
          invalid={errors.length > 0}
          describedBy={msgId}
          inputRef={p.inputRef}
          onChange={(v) => p.onChange(field.key, v)}
          onFocus={() => p.onFocus(field.key)}
          onBlur={() => p.onBlur(field.key)}
          onKeyDown={(e) => p.onKeyDown(e, field.key)}
          placeholder={p.value === '' ? p.suggestions[p.choice]?.value : undefined}
          skipped={p.skipped}
        />
        {field.widget === 'date' && <DateReadBack hint={p.dateReading} findings={p.findings} />}
      </div>
      <FlagButton flag={p.flag} label={field.label} onClick={() => p.onToggleFlag(field.key)} />
      <div className="field-notes" id={msgId}>
        {p.focused && <SuggestionList items={p.suggestions} choice={p.choice} field={field} />}
        {p.focused && field.help && <p className="help">{field.help}</p>}
        {p.findings.length > 0 && (
          <ul className="findings">
            {p.findings.map((f) => (
              <li key={f.code + f.message} className={`${f.severity.toLowerCase()}${f.acknowledged ? ' acknowledged' : ''}`}>
                {SEVERITY_LABELS[f.severity]}: {f.message}
                {f.acknowledged ? ' (đã xác nhận)' : ''}
                {f.fix && f.fix.value !== p.value && (
                  <>
                    {' '}
                    <FixButton finding={f} onApply={(v) => p.onChange(field.key, v)} />
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
});
