/**
 * Editing one record against the server: local values and flags, autosave
 * (2 s after the last change, and when a field is left), saves queued one at
 * a time with a fresh client transaction id and the version last seen (a
 * save lost to the network is retried with the SAME id, so the server
 * replays it instead of seeing a conflict with itself). A 409 stops every
 * save until the keyer reloads the latest version: nothing is overwritten.
 * Every change is also kept in the browser until the server has it, and a
 * kept draft of an earlier visit is offered back (useLocalDraft.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../shared/index.js';
import { afterSave, applyChanges, draftOf, pendingChanges, rebaseOnLatest, type Draft } from './draft.js';
import { newTxId } from '../shared/index.js';
import { api, type ConflictDetails, type FieldFlag, type Provenance, type RecordView } from './keying.api.js';
import { useLocalDraft, type DraftOffer } from './useLocalDraft.js';

export type SaveState = { kind: 'saved' | 'dirty' | 'saving' | 'conflict' } | { kind: 'error'; message: string };

export const AUTOSAVE_MS = 2000;
/** A save lost to the network is tried again after this long (same transaction id). */
export const RETRY_MS = 5000;

export const isVersionConflict = (e: unknown): boolean => e instanceof ApiError && e.code === 'record.version_conflict';

export interface RecordEditor {
  draft: Draft;
  /** The draft as of now (not as of the last render). */
  current(): Draft;
  saveState: SaveState;
  conflict: ConflictDetails | undefined;
  setValue(key: string, value: string): void;
  setFlag(key: string, flag: FieldFlag | undefined): void;
  /** Puts machine-read values into empty fields; they are saved with the keyer's next save (no autosave of their own). */
  prefill(values: Readonly<Record<string, string>>): void;
  /** How each saved value's provenance is told (machine-read and unchanged, or typed). */
  setProvenance(of: ((values: Readonly<Record<string, string | null>>) => Record<string, Provenance> | undefined) | undefined): void;
  /** Saves what is pending now (waits for a save in flight); true when the server has everything. */
  save(acknowledge?: string[]): Promise<boolean>;
  /** Saves soon if anything is pending (a field was left). */
  saveSoon(): void;
  adopt(view: RecordView): void;
  showConflict(details: ConflictDetails): void;
  reloadLatest(): Promise<void>;
  /** Unsaved edits of an earlier visit kept in this browser ("Khôi phục bản nháp chưa lưu?"). */
  draftOffer: DraftOffer | undefined;
  restoreDraft(): void;
  discardDraft(): void;
}

/** `userId` names whose browser-kept drafts these are; `keepLocal` false (read-only screen) keeps and offers none. */
export function useRecordEditor(initial: RecordView, userId?: string, keepLocal = true): RecordEditor {
  const [draft, setDraftState] = useState(() => draftOf(initial));
  const local = useLocalDraft(userId, initial, keepLocal);
  const { keep } = local;
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const [conflict, setConflict] = useState<ConflictDetails>();
  const draftRef = useRef(draft);
  const conflictRef = useRef<ConflictDetails>(undefined);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const retry = useRef<{ txId: string; body: string }>(undefined);
  const saveRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));
  const provenanceOf = useRef<(values: Readonly<Record<string, string | null>>) => Record<string, Provenance> | undefined>(undefined);

  const setDraft = useCallback(
    (d: Draft) => {
      draftRef.current = d;
      setDraftState(d);
      keep(d);
    },
    [keep],
  );

  const showConflict = useCallback((details: ConflictDetails) => {
    conflictRef.current = details;
    setConflict(details);
    setSaveState({ kind: 'conflict' });
  }, []);

  const runSave = useCallback(
    async (acknowledge?: string[]): Promise<boolean> => {
      if (conflictRef.current) return false;
      const d = draftRef.current;
      const changes = pendingChanges(d);
      if (!changes && !acknowledge?.length) {
        setSaveState({ kind: 'saved' });
        return true;
      }
      const provenance = changes?.values ? provenanceOf.current?.(changes.values) : undefined;
      const body = { expectedVersion: d.base.version, ...changes, ...(provenance && Object.keys(provenance).length > 0 ? { provenance } : {}), ...(acknowledge?.length ? { acknowledge } : {}) };
      const json = JSON.stringify(body);
      const clientTxId = retry.current?.body === json ? retry.current.txId : newTxId();
      retry.current = { txId: clientTxId, body: json };
      setSaveState({ kind: 'saving' });
      try {
        const view = await api.save(d.base.id, { clientTxId, ...body });
        retry.current = undefined;
        const next = afterSave(draftRef.current, changes ?? {}, view);
        setDraft(next);
        setSaveState({ kind: pendingChanges(next) ? 'dirty' : 'saved' });
        return true;
      } catch (e) {
        if (isVersionConflict(e)) showConflict((e as ApiError).details as ConflictDetails);
        else setSaveState({ kind: 'error', message: e instanceof ApiError ? e.message : 'mất kết nối với máy chủ, sẽ thử lại.' });
        if (e instanceof ApiError) retry.current = undefined;
        else timer.current = setTimeout(() => void saveRef.current(), RETRY_MS);
        return false;
      }
    },
    [setDraft, showConflict],
  );

  const save = useCallback(
    (acknowledge?: string[]) => {
      clearTimeout(timer.current);
      const next = queue.current.then(() => runSave(acknowledge));
      queue.current = next.catch(() => false);
      return next;
    },
    [runSave],
  );
  saveRef.current = save;

  const schedule = useCallback(
    (ms: number) => {
      clearTimeout(timer.current);
      if (!conflictRef.current) timer.current = setTimeout(() => void save(), ms);
    },
    [save],
  );

  const edit = useCallback(
    (next: Draft) => {
      setDraft(next);
      if (conflictRef.current) return;
      setSaveState({ kind: 'dirty' });
      schedule(AUTOSAVE_MS);
    },
    [setDraft, schedule],
  );

  const setValue = useCallback(
    (key: string, value: string) => {
      const d = draftRef.current;
      if ((d.values[key] ?? '') !== value) edit({ ...d, values: { ...d.values, [key]: value } });
    },
    [edit],
  );

  const setFlag = useCallback(
    (key: string, flag: FieldFlag | undefined) => {
      const flags = { ...draftRef.current.flags };
      if (flag) flags[key] = flag;
      else delete flags[key];
      edit({ ...draftRef.current, flags });
    },
    [edit],
  );

  const prefill = useCallback(
    (values: Readonly<Record<string, string>>) => {
      const d = draftRef.current;
      const fresh = Object.fromEntries(Object.entries(values).filter(([k]) => (d.values[k] ?? '') === ''));
      if (Object.keys(fresh).length === 0) return;
      setDraft({ ...d, values: { ...d.values, ...fresh } });
      if (!conflictRef.current) setSaveState({ kind: 'dirty' });
    },
    [setDraft],
  );
  const setProvenance = useCallback((of: typeof provenanceOf.current) => {
    provenanceOf.current = of;
  }, []);

  const saveSoon = useCallback(() => {
    if (pendingChanges(draftRef.current)) schedule(300);
  }, [schedule]);

  const adopt = useCallback((view: RecordView) => setDraft(afterSave(draftRef.current, {}, view)), [setDraft]);

  const reloadLatest = useCallback(async () => {
    const latest = await api.record(draftRef.current.base.id);
    const theirs = new Set([...(conflictRef.current?.fields ?? []), ...(conflictRef.current?.flags ?? [])].map((f) => f.key));
    const next = rebaseOnLatest(draftRef.current, latest, theirs);
    conflictRef.current = undefined;
    setConflict(undefined);
    setDraft(next);
    setSaveState({ kind: pendingChanges(next) ? 'dirty' : 'saved' });
    if (pendingChanges(next)) schedule(AUTOSAVE_MS);
  }, [setDraft, schedule]);

  const restoreDraft = useCallback(() => {
    const changes = local.take();
    if (changes) edit(applyChanges(draftRef.current, changes));
  }, [local, edit]);

  useUnsavedGuard(draftRef, conflictRef, timer);
  const current = useCallback(() => draftRef.current, []);
  return {
    draft,
    current,
    saveState,
    conflict,
    setValue,
    setFlag,
    prefill,
    setProvenance,
    save,
    saveSoon,
    adopt,
    showConflict,
    reloadLatest,
    draftOffer: local.offer,
    restoreDraft,
    discardDraft: local.discard,
  };
}

/** Warns before the tab closes with unsaved changes; on leaving the screen, sends what is pending (best effort). */
function useUnsavedGuard(draftRef: { current: Draft }, conflictRef: { current: ConflictDetails | undefined }, timer: { current: ReturnType<typeof setTimeout> | undefined }): void {
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (pendingChanges(draftRef.current)) e.preventDefault();
    };
    addEventListener('beforeunload', onUnload);
    return () => {
      removeEventListener('beforeunload', onUnload);
      clearTimeout(timer.current);
      const d = draftRef.current;
      const changes = pendingChanges(d);
      if (changes && !conflictRef.current) void api.save(d.base.id, { clientTxId: newTxId(), expectedVersion: d.base.version, ...changes }).catch(() => undefined);
    };
  }, [draftRef, conflictRef, timer]);
}
