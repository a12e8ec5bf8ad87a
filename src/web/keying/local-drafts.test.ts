/** Drafts kept in the browser's storage: per user and record, only what the server lacks, dropped when old. */
import { describe, expect, it } from 'vitest';
import { applyChanges, draftOf, pendingChanges } from './draft.js';
import type { RecordView } from './keying.api.js';
import { DRAFT_MAX_AGE_DAYS, dropOldDrafts, localDrafts, mergeChanges, unsavedPart, type DraftStorage } from './local-drafts.js';

/** The Web Storage API over a Map (what localStorage offers). */
function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

const view = (version: number, values: Record<string, string>, flags: RecordView['flags'] = {}): RecordView => ({
  id: 'r1',
  bookId: 'b1',
  registerType: 'KS',
  templateId: 'KS-70',
  status: 'draft',
  version,
  values,
  flags,
  acknowledged: [],
  pageIds: [],
  regions: [],
  keyedBy: null,
  completedAt: null,
  updatedAt: '2026-11-25T12:00:00.000Z',
  findings: [],
  keyingOf: null,
  keyingPass: null,
});

describe('local drafts', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it("keeps a user's pending changes per record, forgets them when none remain, and never hands them to another user", () => {
    const storage = memoryStorage();
    const mai = localDrafts('u-mai', storage, () => now);
    const d = { ...draftOf(view(3, { so: '15' })), values: { so: '15', nksHoTen: 'Nguyễn Thị Mai', ghiChu: '' } };
    mai.keep('r1', 3, pendingChanges(d));
    expect(mai.load('r1')).toEqual({ recordId: 'r1', userId: 'u-mai', baseVersion: 3, changes: { values: { nksHoTen: 'Nguyễn Thị Mai' } }, savedAt: now.toISOString() });
    expect(localDrafts('u-lan', storage).load('r1')).toBeUndefined();
    expect(mai.load('r2')).toBeUndefined();
    mai.keep('r1', 4, undefined);
    expect(mai.load('r1')).toBeUndefined();
    expect(storage.items.size).toBe(0);
  });

  it('offers only what the server does not have: a field saved since is no longer part of the draft', () => {
    const changes = { values: { nksHoTen: 'Mai', so: '16', ghiChu: null }, flags: { so: { kind: 'uncertain' as const, note: '' } } };
    expect(unsavedPart(changes, view(4, { nksHoTen: 'Mai', so: '15' }))).toEqual({ values: { so: '16' }, flags: { so: { kind: 'uncertain', note: '' } } });
    expect(unsavedPart(changes, view(5, { nksHoTen: 'Mai', so: '16' }, { so: { kind: 'uncertain', note: '' } }))).toBeUndefined();
  });

  it('restores a draft onto the record as edits a save will send', () => {
    const d = applyChanges(draftOf(view(2, { so: '15', ghiChu: 'x' }, { so: { kind: 'uncertain', note: '' } })), { values: { nksHoTen: 'Mai', ghiChu: null }, flags: { so: null } });
    expect(pendingChanges(d)).toEqual({ values: { nksHoTen: 'Mai', ghiChu: null }, flags: { so: null } });
  });

  it('keeps the offered edits together with what is typed before the keyer decides', () => {
    expect(mergeChanges({ values: { a: '1', b: '2' } }, { values: { b: '3' }, flags: { a: null } })).toEqual({ values: { a: '1', b: '3' }, flags: { a: null } });
    expect(mergeChanges(undefined, { values: { b: '3' } })).toEqual({ values: { b: '3' } });
    expect(mergeChanges({ values: { a: '1' } }, undefined)).toEqual({ values: { a: '1' } });
  });

  it(`drops drafts older than ${DRAFT_MAX_AGE_DAYS} days and unreadable ones, and nothing else in the storage`, () => {
    const storage = memoryStorage();
    localDrafts('u', storage, () => new Date(now.getTime() - (DRAFT_MAX_AGE_DAYS + 1) * 86_400_000)).keep('old', 1, { values: { a: '1' } });
    localDrafts('u', storage, () => new Date(now.getTime() - 86_400_000)).keep('recent', 1, { values: { a: '1' } });
    storage.setItem('hotich.draft.u.broken', '{');
    storage.setItem('other-app', 'x');
    dropOldDrafts(storage, now);
    expect([...storage.items.keys()].sort()).toEqual(['hotich.draft.u.recent', 'other-app']);
  });

  it('keeps keying when the storage refuses (full or disabled)', () => {
    const full: DraftStorage = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    expect(() => localDrafts('u', full).keep('r1', 1, { values: { a: '1' } })).not.toThrow();
  });
});
