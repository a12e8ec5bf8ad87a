/**
 * One input of the keying form, by widget: select for code lists ("1 – Nam"),
 * text with a datalist for ethnicity / nationality / place, a digits-first
 * text input for dates and numbers, a one-line growing textarea for free text.
 */
import type { FocusEvent } from 'react';
import { optionLabel } from './form-fields.js';
import type { FormField } from './keying.api.js';
import { datalistId, PlaceDatalist } from './suggestions.js';
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
    autoComplete: 'off',
    spellCheck: false,
  };
  switch (field.widget) {
    case 'none':
      return null;
    case 'select':
      return (
        <select {...common} ref={p.inputRef} onChange={(e) => p.onChange(e.target.value)}>
          <option value="">(trống)</option>
          {field.options?.map((o) => (
            <option key={o.code} value={o.code}>
              {o.code} – {o.label}
            </option>
          ))}
          {p.value !== '' && !field.options?.some((o) => o.code === p.value) && <option value={p.value}>{optionLabel(field, p.value)}</option>}
        </select>
      );
    case 'textarea':
      return <textarea {...common} ref={p.inputRef} rows={Math.min(4, p.value.split('\n').length)} onChange={(e) => p.onChange(e.target.value)} />;
    case 'date':
    case 'number':
      return <input {...common} ref={p.inputRef} className={`w-${field.widget}`} inputMode="numeric" onChange={(e) => p.onChange(e.target.value)} />;
    case 'autocomplete':
    case 'text': {
      const kind = field.autocomplete === 'name' ? undefined : field.autocomplete;
      return (
        <>
          <input {...common} ref={p.inputRef} list={kind ? datalistId(kind, field.key) : undefined} onChange={(e) => p.onChange(e.target.value)} />
          {kind === 'place' && <PlaceDatalist fieldKey={field.key} value={p.value} active={p.focused} />}
        </>
      );
    }
  }
}
