/** The home pages' calls: GET /api/home (server types imported as types only) and the few lists they show. */
import type { HomeView } from '../../home/index.js';
import type { BookPage, BookView } from '../../archive/index.js';
import type { KeyerAccuracy, LotView, NextArbitration } from '../../qc/index.js';
import { getJson } from '../shared/index.js';

export type { HomeView, BookView, KeyerAccuracy, LotView };

export const getHome = (signal?: AbortSignal) => getJson<HomeView>('/api/home', signal);
export const listMyBooks = (signal?: AbortSignal) => getJson<BookPage>('/api/books?limit=50', signal).then((p) => p.items);
export const myAccuracy = (signal?: AbortSignal) => getJson<KeyerAccuracy[]>('/api/qc/keyers', signal);
export const nextArbitration = (signal?: AbortSignal) => getJson<NextArbitration>('/api/qc/arbitration/next', signal);
export const listLots = (signal?: AbortSignal) => getJson<{ id: string; status: string; lotSize: number; scope: { books?: { label: string }[] } }[]>('/api/qc/lots', signal);
export const getLot = (id: string, signal?: AbortSignal) => getJson<LotView>(`/api/qc/lots/${id}`, signal);

/** All sources and field groups of a keyer's QC outcomes together: checked fields and the share right; null before any check. */
export function overallAccuracy(a: KeyerAccuracy | undefined): { fields: number; accuracy: number } | null {
  if (!a) return null;
  const parts = Object.values(a.bySource).flatMap((s) => [s.critical, s.other]);
  const fields = parts.reduce((n, p) => n + p.units, 0);
  const errors = parts.reduce((n, p) => n + p.errors, 0);
  return fields === 0 ? null : { fields, accuracy: 1 - errors / fields };
}

export const viNumber = (n: number) => n.toLocaleString('vi-VN');
export const viPercent = (x: number) => `${(x * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
