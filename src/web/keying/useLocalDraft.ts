/**
 * The keying screen's side of local-drafts.ts: every change of the draft is
 * kept in the browser until the server has it (`keep`, called by the record
 * editor whenever its draft changes: typed, saved, reloaded); on opening a
 * record, a kept draft with edits the server does not have is offered back
 * (`offer`), to restore or discard. Until the keyer decides, the offered
 * edits stay kept together with anything typed meanwhile, so a second crash
 * loses nothing either.
 */
import { useCallback, useRef, useState } from 'react';
import { pendingChanges, type Changes, type Draft } from './draft.js';
import type { RecordView } from './keying.api.js';
import { browserStorage, changedCount, dropOldDrafts, localDrafts, mergeChanges, unsavedPart, type LocalDrafts } from './local-drafts.js';

export interface DraftOffer {
  changes: Changes;
  /** Fields the draft touches. */
  fields: number;
  savedAt: string;
  /** The record was saved again (by anyone) after the draft was typed. */
  newerOnServer: boolean;
}

export interface LocalDraft {
  offer: DraftOffer | undefined;
  keep(d: Draft): void;
  /** The offered edits, to apply; the offer closes. */
  take(): Changes | undefined;
  discard(): void;
}

function openDrafts(userId: string | undefined): LocalDrafts | undefined {
  const storage = browserStorage();
  if (!storage || !userId) return undefined;
  try {
    dropOldDrafts(storage);
  } catch {
    // An unreadable storage only costs the safety net.
  }
  return localDrafts(userId, storage);
}

export function useLocalDraft(userId: string | undefined, initial: RecordView, enabled: boolean): LocalDraft {
  const [drafts] = useState(() => (enabled ? openDrafts(userId) : undefined));
  const [offer, setOffer] = useState<DraftOffer | undefined>(() => {
    const stored = drafts?.load(initial.id);
    const unsaved = stored && unsavedPart(stored.changes, initial);
    if (stored && !unsaved) drafts?.forget(initial.id);
    return stored && unsaved ? { changes: unsaved, fields: changedCount(unsaved), savedAt: stored.savedAt, newerOnServer: initial.version > stored.baseVersion } : undefined;
  });
  const offerRef = useRef(offer);
  const last = useRef<Draft>(undefined);

  const keep = useCallback(
    (d: Draft) => {
      last.current = d;
      drafts?.keep(d.base.id, d.base.version, mergeChanges(offerRef.current?.changes, pendingChanges(d)));
    },
    [drafts],
  );

  const close = useCallback(() => {
    offerRef.current = undefined;
    setOffer(undefined);
  }, []);

  const take = useCallback(() => {
    const changes = offerRef.current?.changes;
    close();
    return changes;
  }, [close]);

  const discard = useCallback(() => {
    close();
    if (last.current) keep(last.current);
    else drafts?.forget(initial.id);
  }, [close, keep, drafts, initial.id]);

  return { offer, keep, take, discard };
}
