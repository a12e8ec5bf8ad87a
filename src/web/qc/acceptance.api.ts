/** Calls of the acceptance screens (sampled acceptance, keyer accuracy); types come from the server (type-only). */
import type { BookPage, BookView } from '../../archive/index.js';
import type { KeyerAccuracy, LotView, MachineAccuracy, SampledRecord, SampleItem } from '../../qc/index.js';
import type { OcrPageStatus } from '../../ocr/index.js';
import { getJson, sendJson } from '../shared/index.js';

export type { BookView, KeyerAccuracy, LotView, MachineAccuracy, OcrPageStatus, SampledRecord, SampleItem };

export interface LotListItem {
  id: string;
  status: string;
  lotSize: number;
  createdAt: string;
  scope: { books?: { id: string; label: string }[] };
  planKind: string;
}

export const listLots = () => getJson<LotListItem[]>('/api/qc/lots');
export const getLot = (id: string) => getJson<LotView>(`/api/qc/lots/${id}`);
export const listSample = (id: string) => getJson<SampleItem[]>(`/api/qc/lots/${id}/sample`);
export const getSampled = (id: string, recordId: string) => getJson<SampledRecord>(`/api/qc/lots/${id}/sample/${recordId}`);
export const submitChecks = (id: string, recordId: string, wrong: Record<string, string>) => sendJson<SampledRecord>('POST', `/api/qc/lots/${id}/checks`, { recordId, wrong });
export const decideLot = (id: string, verdict: 'accept' | 'reject', note: string) => sendJson<LotView>('POST', `/api/qc/lots/${id}/decision`, { verdict, note });
export const createLot = (body: unknown) => sendJson<LotView>('POST', '/api/qc/lots', body);
/** The first 200 books (newest first) for the lot form's picker. */
export const listBooks = () => getJson<BookPage>('/api/books?limit=200').then((p) => p.items);
export const listKeyers = () => getJson<KeyerAccuracy[]>('/api/qc/keyers');

export const pct = (x: number, digits = 3): string => `${(x * 100).toFixed(digits).replace('.', ',')} %`;

/** Machine accuracy per field kind (src/ocr read values against accepted ones) and the OCR state of a book's pages. */
export const listMachineAccuracy = () => getJson<MachineAccuracy[]>('/api/qc/machine');
export const listOcrPages = (bookId: string) => getJson<OcrPageStatus[]>(`/api/books/${bookId}/ocr/pages`);
export const markHandwritten = (bookId: string, pageId: string, handwritten: boolean) => sendJson<void>('PUT', `/api/books/${bookId}/pages/${pageId}/handwritten`, { handwritten });
