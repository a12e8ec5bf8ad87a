/**
 * The form generated from the form description: one fieldset per group, in
 * the template's column order (which is the Tab order). Which fields are
 * required or must stay empty, and how a date reads back, come from the
 * catalog's own rules (registers/, as the validator applies them to these
 * values). A required-field finding is shown only once the keyer has left
 * the field, or after a completion attempt; every other finding shows as
 * soon as it is known. The keying aids (useAids.ts) give the focused field
 * its suggestions and decide which fields the focus order skips.
 */
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { dateReading, normalizeDateText, requirementsOf } from '../../registers/index.js';
import { FieldRow } from './FieldRow.js';
import type { FieldFlag, Finding, Flags, FormDescription, Values } from './keying.api.js';
import type { Suggestion } from './aids.js';
import { findingsByField } from './useFindings.js';
import type { FieldElement, FieldFocus } from './useFieldFocus.js';

/** What the form needs of the keying aids (useAids.ts). */
export interface FormAids {
  suggestions: readonly Suggestion[];
  choice: number;
  skipped(key: string, requirement: { required: boolean; mustBeEmpty: boolean } | undefined): boolean;
  onFieldKey(e: KeyboardEvent<FieldElement>, key: string): void;
}

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
  aids: FormAids;
  /** Machine-read values (src/ocr) by field: marked while the input still holds them. */
  machine?: Readonly<Record<string, { value: string; confidence: number }>>;
}

const NONE: readonly Finding[] = [];
const NO_SUGGESTIONS: readonly Suggestion[] = [];

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
      const widget = fieldsByKey.get(key)?.widget;
      if (widget === 'date' && normalizeDateText(value) !== value) onChange(key, normalizeDateText(value));
      // A name's word taken from the suggestions leaves a space after it; the field keeps none.
      else if (widget !== 'textarea' && value !== value.trimEnd()) onChange(key, value.trimEnd());
      setVisited((v) => (v.has(key) ? v : new Set(v).add(key)));
      focus.setFocused(undefined);
      onLeave(key);
    },
    [values, fieldsByKey, onChange, onLeave, focus],
  );
  const onFocus = useCallback((key: string) => focus.setFocused(key), [focus]);
  return (
    <form className="record-form" aria-label="Nhập liệu bản ghi" onSubmit={(e) => e.preventDefault()} noValidate>
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
                onKeyDown={p.aids.onFieldKey}
                suggestions={focus.focused === f.key ? p.aids.suggestions : NO_SUGGESTIONS}
                choice={focus.focused === f.key ? p.aids.choice : 0}
                skipped={p.aids.skipped(f.key, requirements[f.key])}
              />
            ))}
        </fieldset>
      ))}
    </form>
  );
}
