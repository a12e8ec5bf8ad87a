/**
 * Turning one save into actions. PURE. A save may carry values, flags and
 * acknowledged warnings; each part that changes something becomes its own
 * action (keyed or corrected, flagged, warnings_acknowledged), all written in
 * one transaction. The first part takes the client's transaction id, the
 * others a derived one (`<id>#flags`, `<id>#ack`), so a replay finds them all.
 * Values are cleaned (NFC, invisible characters, spaces) and otherwise kept
 * exactly as the book spells them; an empty value clears the field.
 */
import { Invalid } from '../core/index.js';
import { cleanValues } from '../registers/index.js';
import type { FieldFlag, Provenance, RecordActionBody } from './actions.schema.js';
import type { RecordState } from './fold.js';

export const TX_SUFFIXES = { values: '', flags: '#flags', acknowledge: '#ack' } as const;

/** Every client_tx_id a save with this id may have written. */
export function saveTxIds(clientTxId: string): string[] {
  return Object.values(TX_SUFFIXES).map((s) => clientTxId + s);
}

export interface SaveParts {
  values?: Readonly<Record<string, string | null>> | undefined;
  provenance?: Readonly<Record<string, Provenance>> | undefined;
  flags?: Readonly<Record<string, FieldFlag | null>> | undefined;
  acknowledge?: readonly string[] | undefined;
}

export interface PlannedAction {
  clientTxId: string;
  body: RecordActionBody;
}

/** The fields whose cleaned value differs from the current one (null: now empty). */
export function valueChanges(current: Readonly<Record<string, string>>, input: Readonly<Record<string, string | null>>): Record<string, string | null> {
  const cleaned = cleanValues(input);
  const out: Record<string, string | null> = {};
  for (const key of Object.keys(input)) {
    const next = cleaned[key] ?? null;
    if (next !== (current[key] ?? null)) out[key] = next;
  }
  return out;
}

const sameFlag = (a: FieldFlag | undefined, b: FieldFlag | null) => (a === undefined ? b === null : b !== null && a.kind === b.kind && a.note === b.note);

export function flagChanges(current: Readonly<Record<string, FieldFlag>>, input: Readonly<Record<string, FieldFlag | null>>, fieldKeys: ReadonlySet<string>): Record<string, FieldFlag | null> {
  const out: Record<string, FieldFlag | null> = {};
  for (const [key, flag] of Object.entries(input)) {
    if (!fieldKeys.has(key)) throw new Invalid('record.flag_unknown_field', `Không đánh dấu được cột "${key}": cột này không có trong mẫu sổ.`, `flags.${key}`);
    if (!sameFlag(current[key], flag)) out[key] = flag;
  }
  return out;
}

/** The actions one save writes, possibly none when nothing changes. */
export function planSave(state: RecordState, parts: SaveParts, clientTxId: string, fieldKeys: ReadonlySet<string>): PlannedAction[] {
  const planned: PlannedAction[] = [];
  const values = valueChanges(state.values, parts.values ?? {});
  if (Object.keys(values).length > 0) {
    const kind = state.status === 'completed' ? 'corrected' : 'keyed';
    const provenance = Object.fromEntries(Object.keys(values).flatMap((k) => (parts.provenance?.[k] ? [[k, parts.provenance[k]]] : [])));
    planned.push({ clientTxId: clientTxId + TX_SUFFIXES.values, body: { kind, payload: Object.keys(provenance).length > 0 ? { values, provenance } : { values } } });
  }
  const flags = flagChanges(state.flags, parts.flags ?? {}, fieldKeys);
  if (Object.keys(flags).length > 0) planned.push({ clientTxId: clientTxId + TX_SUFFIXES.flags, body: { kind: 'flagged', payload: { flags } } });
  const codes = [...new Set(parts.acknowledge ?? [])].filter((c) => !state.acknowledged.includes(c));
  if (codes.length > 0) planned.push({ clientTxId: clientTxId + TX_SUFFIXES.acknowledge, body: { kind: 'warnings_acknowledged', payload: { codes } } });
  return planned;
}
