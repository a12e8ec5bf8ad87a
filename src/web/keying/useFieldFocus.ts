/**
 * The form's inputs by field key: which one has focus, moving focus to a
 * field (quick-pick, first error), and the ref callback each input registers.
 */
import { useCallback, useRef, useState } from 'react';

export type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FieldFocus {
  focused: string | undefined;
  /** The field that had focus last (also while a dialog has it). */
  last(): string | undefined;
  setFocused(key: string | undefined): void;
  refFor(key: string): (el: FieldElement | null) => void;
  focusField(key: string): boolean;
  element(key: string): FieldElement | undefined;
}

export function useFieldFocus(): FieldFocus {
  const [focused, setFocusedState] = useState<string>();
  const lastKey = useRef<string>(undefined);
  const setFocused = useCallback((key: string | undefined) => {
    if (key) lastKey.current = key;
    setFocusedState(key);
  }, []);
  const last = useCallback(() => lastKey.current, []);
  const elements = useRef(new Map<string, FieldElement>());
  const callbacks = useRef(new Map<string, (el: FieldElement | null) => void>());
  const refFor = useCallback((key: string) => {
    let cb = callbacks.current.get(key);
    if (!cb) {
      cb = (el) => {
        if (el) elements.current.set(key, el);
        else elements.current.delete(key);
      };
      callbacks.current.set(key, cb);
    }
    return cb;
  }, []);
  const focusField = useCallback((key: string) => {
    const el = elements.current.get(key);
    if (!el) return false;
    el.focus();
    el.scrollIntoView({ block: 'center' });
    return true;
  }, []);
  const element = useCallback((key: string) => elements.current.get(key), []);
  return { focused, last, setFocused, refFor, focusField, element };
}
