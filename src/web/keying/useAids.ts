/**
 * The keying aids on the screen (aids.ts decides what is offered): the book
 * memory loaded in the background (never holding up the record switch), the
 * suggestions of the focused field with the one chosen (↓/↑), Enter to
 * accept (a value moves on to the next field of the focus order; a name's
 * word stays), Enter on a field with nothing offered moves on like Tab,
 * Ctrl+Z right after an accept gives the field back as it was. Only what the
 * keyer accepts becomes a value (and so is saved).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { getTemplate } from '../../registers/index.js';
import { skippedInTabOrder, suggestionsFor, type AidContext, type Suggestion } from './aids.js';
import { learnBook } from './aids-learn.js';
import type { FormDescription, FormField, Values } from './keying.api.js';
import { earlierValues, fetchEarlier } from './record-cache.js';
import { usePlaceLookup } from './suggestions.js';
import type { KeyingData } from './useBookNavigation.js';
import type { FieldElement, FieldFocus } from './useFieldFocus.js';
import type { RecordEditor } from './useRecordEditor.js';

export interface Aids {
  /** The focused field's suggestions and the one Enter would take. */
  suggestions: readonly Suggestion[];
  choice: number;
  /** The previous registration of the book, when the browser holds it (carry-over, Ctrl+D). */
  previous: Values | undefined;
  skipped(key: string, requirement: { required: boolean; mustBeEmpty: boolean } | undefined): boolean;
  onFieldKey(e: KeyboardEvent<FieldElement>, key: string): void;
  /** Ctrl+Z: undoes the last accept when the keyer is still at it; true when it did. */
  undo(): boolean;
}

interface Accepted {
  key: string;
  before: string;
  after: string;
  /** Where the cursor went after the accept, and what that field held then. */
  then?: { key: string; value: string };
}

/** The next field of the focus order after `el` (what Tab would reach inside the form). */
function nextInForm(el: FieldElement): FieldElement | undefined {
  const all = Array.from(el.form?.elements ?? []).filter(
    (e): e is FieldElement => (e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement) && e.name !== '' && e.tabIndex >= 0 && !e.disabled,
  );
  return all[all.indexOf(el) + 1];
}

function useBookMemory(data: KeyingData): Values[] {
  const [memory, setMemory] = useState(() => earlierValues(data).values);
  useEffect(() => {
    const { missing } = earlierValues(data);
    if (missing.length === 0) return;
    let live = true;
    void fetchEarlier(missing).then(() => live && setMemory(earlierValues(data).values));
    return () => {
      live = false;
    };
  }, [data]);
  return memory;
}

export function useAids(data: KeyingData, fields: readonly FormField[], form: FormDescription, editor: RecordEditor, focus: FieldFocus, pageSeq: number | undefined): Aids {
  const memory = useBookMemory(data);
  const learning = useMemo(() => learnBook(fields, memory), [fields, memory]);
  const template = useMemo(() => getTemplate(form.templateId), [form.templateId]);
  const focused = focus.focused;
  const values = editor.draft.values;
  const places = usePlaceLookup(focused && fields.find((f) => f.key === focused)?.type === 'place' ? values[focused] : undefined);
  const ctx: AidContext = useMemo(
    () => ({
      fields,
      byKey: new Map(fields.map((f) => [f.key, f])),
      defs: new Map(template.fields.map((f) => [f.key, f])),
      groupOf: new Map(form.groups.flatMap((g) => g.fields.map((f) => [f.key, g.id] as const))),
      persons: template.persons,
      previous: memory[0],
      learning,
      pageSeq,
      places,
      authority: data.book.authority || undefined,
    }),
    [fields, template, form, memory, learning, pageSeq, places, data.book.authority],
  );
  const suggestions = useMemo(() => (focused ? suggestionsFor(ctx, focused, values) : []), [ctx, focused, values]);
  const [picked, setPicked] = useState({ key: '', typed: '', index: 0 });
  const typed = focused ? (values[focused] ?? '') : '';
  const choice = picked.key === focused && picked.typed === typed ? Math.min(picked.index, suggestions.length - 1) : 0;
  const undoStack = useRef<Accepted[]>([]);
  const latest = useRef({ suggestions, choice, typed });
  latest.current = { suggestions, choice, typed };

  const accept = useCallback(
    (key: string, s: Suggestion, el: FieldElement) => {
      const entry: Accepted = { key, before: editor.current().values[key] ?? '', after: s.value };
      editor.setValue(key, s.value);
      if (!s.word) {
        const next = nextInForm(el);
        if (next) {
          entry.then = { key: next.name, value: editor.current().values[next.name] ?? '' };
          next.focus();
        }
      }
      undoStack.current = [...undoStack.current.slice(-19), entry];
    },
    [editor],
  );

  const onFieldKey = useCallback(
    (e: KeyboardEvent<FieldElement>, key: string) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const { suggestions: list, choice: at, typed: now } = latest.current;
      const el = e.currentTarget;
      const select = el instanceof HTMLSelectElement;
      if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && list.length > 1 && !select) {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : list.length - 1;
        setPicked({ key, typed: now, index: (at + step) % list.length });
        return;
      }
      if (e.key !== 'Enter' || e.shiftKey) return;
      const s = list[at];
      if (s) {
        e.preventDefault();
        accept(key, s, el);
      } else if (!(el instanceof HTMLTextAreaElement)) {
        e.preventDefault();
        nextInForm(el)?.focus();
      }
    },
    [accept],
  );

  const undo = useCallback(() => {
    const top = undoStack.current[undoStack.current.length - 1];
    const vals = editor.current().values;
    const here = focus.focused;
    if (!top || (vals[top.key] ?? '') !== top.after) return false;
    const stillAt = here === top.key || (top.then && here === top.then.key && (vals[here] ?? '') === top.then.value);
    if (!stillAt) return false;
    undoStack.current = undoStack.current.slice(0, -1);
    editor.setValue(top.key, top.before);
    focus.focusField(top.key);
    return true;
  }, [editor, focus]);

  // Ctrl+Z right after an accept undoes it; otherwise the input's own undo runs.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.code === 'KeyZ' && undo()) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    addEventListener('keydown', onKey, true);
    return () => removeEventListener('keydown', onKey, true);
  }, [undo]);

  const skipped = useCallback((key: string, req: { required: boolean; mustBeEmpty: boolean } | undefined) => skippedInTabOrder(ctx, key, values, req), [ctx, values]);
  return { suggestions, choice, previous: memory[0], skipped, onFieldKey, undo };
}
