/**
 * A record being keyed: the last version the server answered (base) and the
 * keyer's local values and flags. PURE. pendingChanges is what a save sends
 * ('' clears a field, null removes a flag); afterSave adopts the server's
 * answer while keeping what the keyer typed during the save.
 */
import type { FieldFlag, Flags, RecordView, Values } from './keying.api.js';

export interface Draft {
  base: RecordView;
  values: Values;
  flags: Flags;
}

export interface Changes {
  values?: Record<string, string | null>;
  flags?: Record<string, FieldFlag | null>;
}

export const draftOf = (base: RecordView): Draft => ({ base, values: { ...base.values }, flags: { ...base.flags } });

const sameFlag = (a: FieldFlag | undefined, b: FieldFlag | undefined) => a?.kind === b?.kind && (a?.note ?? '') === (b?.note ?? '');

export function pendingChanges(d: Draft): Changes | undefined {
  const values: Record<string, string | null> = {};
  for (const key of new Set([...Object.keys(d.values), ...Object.keys(d.base.values)])) {
    const local = d.values[key] ?? '';
    if (local !== (d.base.values[key] ?? '')) values[key] = local === '' ? null : local;
  }
  const flags: Record<string, FieldFlag | null> = {};
  for (const key of new Set([...Object.keys(d.flags), ...Object.keys(d.base.flags)])) {
    if (!sameFlag(d.flags[key], d.base.flags[key])) flags[key] = d.flags[key] ?? null;
  }
  const out: Changes = {};
  if (Object.keys(values).length > 0) out.values = values;
  if (Object.keys(flags).length > 0) out.flags = flags;
  return out.values || out.flags ? out : undefined;
}

/**
 * The draft after the server stored `sent`: fields the keyer did not touch
 * since take the server's cleaned value; fields typed during the save stay.
 */
export function afterSave(d: Draft, sent: Changes, view: RecordView): Draft {
  const values: Values = { ...view.values };
  for (const [key, local] of Object.entries(d.values)) {
    const unchanged = sent.values && key in sent.values ? (sent.values[key] ?? '') === local : (d.base.values[key] ?? '') === local;
    if (!unchanged) values[key] = local;
  }
  const flags: Flags = { ...view.flags };
  for (const key of new Set([...Object.keys(d.flags), ...Object.keys(d.base.flags)])) {
    const sentFlag = sent.flags && key in sent.flags ? (sent.flags[key] ?? undefined) : d.base.flags[key];
    if (sameFlag(d.flags[key], sentFlag)) continue;
    if (d.flags[key]) flags[key] = d.flags[key];
    else delete flags[key];
  }
  return { base: view, values, flags };
}

/** The draft with `changes` laid on it (a change set as pendingChanges makes it: '' or null clears a field, null removes a flag). */
export function applyChanges(d: Draft, changes: Changes): Draft {
  const values = { ...d.values };
  for (const [key, v] of Object.entries(changes.values ?? {})) values[key] = v ?? '';
  const flags = { ...d.flags };
  for (const [key, f] of Object.entries(changes.flags ?? {})) {
    if (f) flags[key] = f;
    else delete flags[key];
  }
  return { ...d, values, flags };
}

/** After a conflict: the newest version, with the keyer's unsaved edits kept on the fields nobody else changed. */
export function rebaseOnLatest(d: Draft, latest: RecordView, changedByOthers: ReadonlySet<string>): Draft {
  const pending = pendingChanges(d);
  const next = draftOf(latest);
  for (const [key, v] of Object.entries(pending?.values ?? {})) if (!changedByOthers.has(key)) next.values[key] = v ?? '';
  for (const [key, f] of Object.entries(pending?.flags ?? {})) {
    if (changedByOthers.has(key)) continue;
    if (f) next.flags[key] = f;
    else delete next.flags[key];
  }
  return next;
}
