/**
 * The form generated from the form description: one fieldset per group, in
 * the template's column order (which is the Tab order). Which fields are
 * required or must stay empty, and how a date reads back, come from the
 * catalog's own rules (registers/, as the validator applies them to these
 * values). A required-field finding is shown only once the keyer has left
 * the field, or after a completion attempt; every other finding shows as
 * soon as it is known.
 */
import { useCallback, useMemo, useState } from 'react';
import { dateReading, normalizeDateText, requirementsOf } from '../../registers/index.js';
import { FieldRow } from './FieldRow.js';
import type { FieldFlag, Finding, Flags, FormDescription, Values } from './keying.api.js';
import { CodeDatalists } from './suggestions.js';
import { findingsByField } from './useFindings.js';
import type { FieldFocus } from './useFieldFocus.js';

export interface RecordFormProps {
  form: FormDescription;
  values: Values;
  flags: Flags;
  findings: readonly Finding[];
  showAllFindings: boolean;
  focus: FieldFocus;
  onChange(key: string, value: string): void;
  onLeave(key: string): void;
  onToggleFlag(key: string): void;
  /** Machine-read values (src/ocr) by field: marked while the input still holds them. */
  machine?: Readonly<Record<string, { value: string; confidence: number }>>;
}

const NONE: readonly Finding[] = [];

/** The machine's mark on a field while its input still holds the machine's value. */
function machineMark(m: { value: string; confidence: number } | undefined, value: string | undefined): { confidence: number } | undefined {
  return m && m.value === (value ?? '') ? m : undefined;
}

export function nextFlag(flag: FieldFlag | undefined): FieldFlag | undefined {
  if (!flag) return { kind: 'uncertain', note: '' };
  return flag.kind === 'uncertain' ? { kind: 'illegible', note: '' } : undefined;
}

export function RecordForm(p: RecordFormProps) {
  const [visited, setVisited] = useState<ReadonlySet<string>>(new Set());
  const { form, values, onChange, onLeave, focus } = p;
  const byField = findingsByField(p.findings);
  const shown = (key: string) => {
    const list = byField.get(key);
    if (!list) return NONE;
    return p.showAllFindings || visited.has(key) ? list : list.filter((f) => f.code !== 'field.required');
  };
  const fieldsByKey = new Map(form.groups.flatMap((g) => g.fields).map((f) => [f.key, f]));
  const requirements = useMemo(() => requirementsOf(form.templateId, values), [form.templateId, values]);
  const onBlur = useCallback(
    (key: string) => {
      const value = values[key] ?? '';
      if (fieldsByKey.get(key)?.widget === 'date' && normalizeDateText(value) !== value) onChange(key, normalizeDateText(value));
      setVisited((v) => (v.has(key) ? v : new Set(v).add(key)));
      focus.setFocused(undefined);
      onLeave(key);
    },
    [values, fieldsByKey, onChange, onLeave, focus],
  );
  const onFocus = useCallback((key: string) => focus.setFocused(key), [focus]);
  return (
    <form className="record-form" aria-label="Nhập liệu bản ghi" onSubmit={(e) => e.preventDefault()} noValidate>
      <CodeDatalists />
      {form.groups.map((g) => (
        <fieldset key={g.id} className="field-group">
          <legend>{g.label}</legend>
          {g.fields
            .filter((f) => f.widget !== 'none')
            .map((f) => (
              <FieldRow
                key={f.key}
                field={f}
                value={values[f.key] ?? ''}
                flag={p.flags[f.key]}
                machine={machineMark(p.machine?.[f.key], values[f.key])}
                required={requirements[f.key]?.required ?? false}
                mustBeEmpty={requirements[f.key]?.mustBeEmpty ?? false}
                dateReading={f.widget === 'date' ? dateReading(values, f.key) : undefined}
                findings={shown(f.key)}
                focused={focus.focused === f.key}
                inputRef={focus.refFor(f.key)}
                onChange={onChange}
                onFocus={onFocus}
                onBlur={onBlur}
                onToggleFlag={p.onToggleFlag}
              />
            ))}
        </fieldset>
      ))}
    </form>
  );
}
