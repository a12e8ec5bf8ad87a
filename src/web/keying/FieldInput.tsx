/**
 * One input of the keying form, by widget: select for code lists ("1 – Nam"),
 * text for names, places, ethnicity and nationality (their completion is the
 * keying aids', shown under the field: aids.ts), a digits-first text input
 * for dates and numbers, a one-line growing textarea for free text. An empty
 * field shows the suggestion Enter would take as its placeholder; a field
 * the focus order skips has tabIndex -1 (Ctrl+J or a click reach it).
 */
import type { FocusEvent, KeyboardEvent } from 'react';
import { optionLabel } from './form-fields.js';
import type { FormField } from './keying.api.js';
import type { FieldElement } from './useFieldFocus.js';

export interface FieldInputProps {
  field: FormField;
  value: string;
  focused: boolean;
  invalid: boolean;
  describedBy: string;
  inputRef: (el: FieldElement | null) => void;
  onChange(value: string): void;
  onFocus(): void;
  onBlur(e: FocusEvent<FieldElement>): void;
  onKeyDown(e: KeyboardEvent<FieldElement>): void;
  /** The suggestion Enter would take, shown while the field is empty. */
  placeholder: string | undefined;
  skipped: boolean;
}

export function FieldInput(p: FieldInputProps) {
  const { field } = p;
  const common = {
    id: `f-${field.key}`,
    name: field.key,
    value: p.value,
    'aria-invalid': p.invalid || undefined,
    'aria-describedby': p.describedBy,
    onFocus: p.onFocus,
    onBlur: p.onBlur,
    onKeyDown: p.onKeyDown,
    tabIndex: p.skipped ? -1 : undefined,
    autoComplete: 'off',
    spellCheck: false,
  };
  switch (field.widget) {
    case 'none':
      return null;
    case 'select':
      return (
        <select {...common} ref={p.inputRef} onChange={(e) => p.onChange(e.target.value)}>
          <option value="">{p.placeholder ? `(trống; Enter: ${optionLabel(field, p.placeholder)})` : '(trống)'}</option>
          {field.options?.map((o) => (
            <option key={o.code} value={o.code}>
              {o.code} – {o.label}
            </option>
          ))}
          {p.value !== '' && !field.options?.some((o) => o.code === p.value) && <option value={p.value}>{optionLabel(field, p.value)}</option>}
        </select>
      );
    case 'textarea':
      return <textarea {...common} placeholder={p.placeholder} ref={p.inputRef} rows={Math.min(4, p.value.split('\n').length)} onChange={(e) => p.onChange(e.target.value)} />;
    case 'date':
    case 'number':
      return <input {...common} placeholder={p.placeholder} ref={p.inputRef} className={`w-${field.widget}`} inputMode="numeric" onChange={(e) => p.onChange(e.target.value)} />;
    case 'autocomplete':
    case 'text':
      return <input {...common} placeholder={p.placeholder} ref={p.inputRef} onChange={(e) => p.onChange(e.target.value)} />;
  }
}
