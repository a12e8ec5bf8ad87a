/**
 * Unsaved edits kept in the browser (localStorage), per user and record,
 * until the server acknowledges them: a crash, a closed tab or a lost
 * connection loses nothing a keyer typed. What is kept is the change set a
 * save would send (draft.ts `pendingChanges`: '' clears a field, null
 * removes a flag), with the version it was typed on and when; reopening the
 * record offers it back ("Khôi phục bản nháp chưa lưu?"). localStorage, not
 * IndexedDB: its writes are synchronous, so the last keystroke before a
 * crash is on disk, and a draft is a few KB.
 * Kept at most DRAFT_MAX_AGE_DAYS (old ones are dropped when the keying
 * screen opens); a draft of one user is never offered to another. The
 * storage is a parameter so the rules can be tested without a browser.
 */
import type { Changes } from './draft.js';
import type { FieldFlag, RecordView } from './keying.api.js';

export const DRAFT_MAX_AGE_DAYS = 7;
const PREFIX = 'hotich.draft.';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface StoredDraft {
  recordId: string;
  userId: string;
  /** The record version the edits were typed on. */
  baseVersion: number;
  changes: Changes;
  /** When the last edit was kept (ISO). */
  savedAt: string;
}

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const keyOf = (userId: string, recordId: string) => `${PREFIX}${userId}.${recordId}`;

const sameFlag = (a: FieldFlag | null | undefined, b: FieldFlag | undefined) => (a ?? undefined)?.kind === b?.kind && (a?.note ?? '') === (b?.note ?? '');

/** The part of `changes` that still differs from `view` (what the server has not got yet); undefined when nothing does. */
export function unsavedPart(changes: Changes, view: Pick<RecordView, 'values' | 'flags'>): Changes | undefined {
  const values = Object.fromEntries(Object.entries(changes.values ?? {}).filter(([k, v]) => (v ?? '') !== (view.values[k] ?? '')));
  const flags = Object.fromEntries(Object.entries(changes.flags ?? {}).filter(([k, f]) => !sameFlag(f, view.flags[k])));
  const out: Changes = {};
  if (Object.keys(values).length > 0) out.values = values;
  if (Object.keys(flags).length > 0) out.flags = flags;
  return out.values || out.flags ? out : undefined;
}

/** `over` laid on `under`, field by field (a field in both takes `over`'s). */
export function mergeChanges(under: Changes | undefined, over: Changes | undefined): Changes | undefined {
  if (!under) return over;
  if (!over) return under;
  const values = { ...under.values, ...over.values };
  const flags = { ...under.flags, ...over.flags };
  return { ...(Object.keys(values).length ? { values } : {}), ...(Object.keys(flags).length ? { flags } : {}) };
}

/** How many fields a draft touches (for the offer's wording). */
export const changedCount = (changes: Changes): number => new Set([...Object.keys(changes.values ?? {}), ...Object.keys(changes.flags ?? {})]).size;

export interface LocalDrafts {
  load(recordId: string): StoredDraft | undefined;
  /** Keeps these changes for the record (or forgets the draft when there are none). */
  keep(recordId: string, baseVersion: number, changes: Changes | undefined): void;
  forget(recordId: string): void;
}

function parse(text: string | null): StoredDraft | undefined {
  if (!text) return undefined;
  try {
    const d = JSON.parse(text) as StoredDraft;
    return typeof d.recordId === 'string' && typeof d.baseVersion === 'number' && d.changes && typeof d.savedAt === 'string' ? d : undefined;
  } catch {
    return undefined;
  }
}

/** The drafts of one user in `storage`; a storage that refuses (full, disabled) only costs the safety net, never the keying. */
export function localDrafts(userId: string, storage: DraftStorage, now: () => Date = () => new Date()): LocalDrafts {
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch {
      // Quota exceeded or storage disabled: keying goes on, only without the local copy.
    }
  };
  return {
    load(recordId) {
      const d = parse(storage.getItem(keyOf(userId, recordId)));
      return d && d.userId === userId ? d : undefined;
    },
    keep(recordId, baseVersion, changes) {
      if (!changes) return attempt(() => storage.removeItem(keyOf(userId, recordId)));
      const d: StoredDraft = { recordId, userId, baseVersion, changes, savedAt: now().toISOString() };
      attempt(() => storage.setItem(keyOf(userId, recordId), JSON.stringify(d)));
    },
    forget(recordId) {
      attempt(() => storage.removeItem(keyOf(userId, recordId)));
    },
  };
}

/** Drops every draft (of any user) older than DRAFT_MAX_AGE_DAYS. */
export function dropOldDrafts(storage: DraftStorage, now: Date = new Date()): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(PREFIX)) keys.push(k);
  }
  for (const k of keys) {
    const d = parse(storage.getItem(k));
    if (!d || now.getTime() - Date.parse(d.savedAt) > DRAFT_MAX_AGE_DAYS * DAY_MS) storage.removeItem(k);
  }
}

/** The browser's localStorage, or none (private modes may refuse it). */
export function browserStorage(): DraftStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
