/**
 * What the keying screen reads and writes over HTTP: records (read, save,
 * complete), the book's records and pages. The form description comes from
 * the catalog bundled with the app (registers/, the same one the server
 * validates with), so it needs no request. Shapes are the server's own types
 * (type-only imports: nothing of the server's code reaches the bundle).
 */
import type { FieldFlag, Provenance, RecordFinding as Finding, RecordView } from '../../entry/index.js';
import type { Prefill } from '../../ocr/index.js';
import { formDescription, getTemplate, type FormDescription } from '../../registers/index.js';
import { ApiError, getJson, newTxId, sendJson } from '../shared/index.js';

export type { FormDescription, FormField, Widget, Autocomplete as AutocompleteKind, Condition, Requirement } from '../../registers/index.js';
export type { RecordFinding as Finding, FieldFlag } from '../../entry/index.js';
export type Severity = Finding['severity'];
export type FlagKind = FieldFlag['kind'];
export type Values = Record<string, string>;
export type Flags = Record<string, FieldFlag>;

export type { RecordView } from '../../entry/index.js';
export type { Prefill, PrefillField } from '../../ocr/index.js';
export type { Provenance } from '../../entry/index.js';

export type { RecordListItem } from '../../entry/index.js';

export interface BookInfo {
  id: string;
  title: string;
  authority: string;
  volumeNo: string;
}

export interface PageInfo {
  id: string;
  seq: number;
  status: string;
}

/** The details of a 409 record.version_conflict. */
export type { ChangesSince as ConflictDetails } from '../../entry/index.js';

export interface SaveBody {
  clientTxId: string;
  expectedVersion: number;
  values?: Record<string, string | null>;
  /** Per saved field: machine-read and confirmed, or typed/corrected by the keyer. */
  provenance?: Record<string, Provenance>;
  flags?: Record<string, FieldFlag | null>;
  acknowledge?: string[];
}

export const FLAG_LABELS: Record<FlagKind, string> = { uncertain: 'Chưa chắc', illegible: 'Không đọc được' };

const forms = new Map<string, FormDescription>();

/** The form description of a template, from the bundled catalog (what GET /api/registers/:id/form answers). */
export async function loadForm(templateId: string): Promise<FormDescription> {
  let form = forms.get(templateId);
  if (!form) {
    form = formDescription(getTemplate(templateId));
    forms.set(templateId, form);
  }
  return form;
}

/** The form with only `keys` (in catalog order); groups left empty are dropped. */
export function restrictForm(form: FormDescription, keys: readonly string[]): FormDescription {
  const keep = new Set(keys);
  const groups = form.groups.map((g) => ({ ...g, fields: g.fields.filter((f) => keep.has(f.key)) })).filter((g) => g.fields.length > 0);
  return { ...form, groups };
}

export const api = {
  record: (id: string) => getJson<RecordView>(`/api/records/${id}`),
  /** What the machine read for this registration (src/ocr); empty fields when its page was not read. */
  ocr: (id: string) => getJson<Prefill>(`/api/records/${id}/ocr`),
  book: (id: string) => getJson<BookInfo>(`/api/books/${id}`),
  pages: (bookId: string) => getJson<PageInfo[]>(`/api/books/${bookId}/pages`),
  save: (id: string, body: SaveBody) => sendJson<RecordView>('PUT', `/api/records/${id}`, body),
  complete: (id: string, expectedVersion: number) => sendJson<RecordView>('POST', `/api/records/${id}/complete`, { clientTxId: newTxId(), expectedVersion }),
  /** The fields a keying pass keys (null: all of them). */
  passFields: async (id: string) => (await getJson<{ fields: string[] | null }>(`/api/qc/passes/${id}/fields`)).fields,
  /** An independent keying pass (src/qc) completes through QC, which then compares it with the other pass. */
  completePass: (id: string, expectedVersion: number) =>
    sendJson<{ pass: RecordView; comparison: { outcome: string } }>('POST', `/api/qc/passes/${id}/complete`, { clientTxId: newTxId(), expectedVersion }),
  reopen: (id: string, expectedVersion: number) => sendJson<RecordView>('POST', `/api/records/${id}/reopen`, { clientTxId: newTxId(), expectedVersion, reason: 'Mở lại từ màn hình nhập liệu' }),
  create: (bookId: string, pageIds: string[]) => sendJson<RecordView>('POST', `/api/books/${bookId}/records`, { clientTxId: newTxId(), pageIds }),
  /** Commune suggestions; none when the server refuses (an abort still rejects). */
  units: (q: string, signal: AbortSignal) =>
    getJson<{ name: string; path: string }[]>(`/api/units/lookup?${new URLSearchParams({ q, level: 'commune' })}`, signal).catch((e: unknown) => (e instanceof ApiError ? [] : Promise.reject(e))),
};
