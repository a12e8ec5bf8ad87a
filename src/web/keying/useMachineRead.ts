/**
 * The machine's reading of the open registration (src/ocr): when the record
 * opens, the fields the machine is sure of (at or above their kind's
 * threshold) go into the empty inputs, marked machine-read; the others are
 * not pre-filled. A machine value the keyer saves unchanged is saved with
 * provenance 'machine'; one the keyer changed, 'person' (the action log keeps
 * both). No reading (page not read, handwritten, no access): nothing happens.
 */
import { useEffect, useState } from 'react';
import { api, type PrefillField, type Provenance } from './keying.api.js';
import type { RecordEditor } from './useRecordEditor.js';

export interface MachineRead {
  /** Fields pre-filled by the machine (its value, confidence, box). */
  fields: Readonly<Record<string, PrefillField>>;
}

export function provenanceFor(fields: Readonly<Record<string, PrefillField>>, values: Readonly<Record<string, string | null>>): Record<string, Provenance> {
  const out: Record<string, Provenance> = {};
  for (const [key, value] of Object.entries(values)) {
    const m = fields[key];
    if (m) out[key] = value === m.value ? 'machine' : 'person';
  }
  return out;
}

export function useMachineRead(recordId: string, editor: RecordEditor, enabled: boolean): MachineRead {
  const [fields, setFields] = useState<Record<string, PrefillField>>({});
  const { prefill, setProvenance } = editor;
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api
      .ocr(recordId)
      .then((p) => {
        if (!live) return;
        const chosen = Object.fromEntries(Object.entries(p.fields).filter(([, f]) => f.prefill));
        setFields(chosen);
        setProvenance((values) => provenanceFor(chosen, values));
        prefill(Object.fromEntries(Object.entries(chosen).map(([k, f]) => [k, f.value])));
      })
      .catch(() => undefined);
    return () => {
      live = false;
      setProvenance(undefined);
    };
  }, [recordId, enabled, prefill, setProvenance]);
  return { fields };
}
