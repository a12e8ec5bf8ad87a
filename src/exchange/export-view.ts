/** What the API, the CLI and the web show of an export. */
import { userDisplayNames } from '../auth/index.js';
import type { AppContext } from '../core/index.js';
import type { ExportRow } from '../store/index.js';
import type { ExportChangeItem } from './exports.repo.js';

export const EXPORT_FILE_KINDS = ['xlsx', 'zip', 'report', 'manifest'] as const;
export type ExportFileKind = (typeof EXPORT_FILE_KINDS)[number];

export interface ExportFileView {
  name: string;
  kind: ExportFileKind;
  bytes: number;
  sha256: string;
  /** Download path (GET, signed-in). */
  url: string;
}

export interface ExportView {
  id: string;
  bookId: string;
  createdAt: string;
  createdBy: string | null;
  registrations: number;
  warnings: number;
  files: ExportFileView[];
  signedOff: { by: string | null; at: string; note: string } | null;
  /** Changes to its registrations after the sign-off (it no longer says what the book says); null while none. */
  stale: { records: number; changes: ExportChangeView[] } | null;
}

/** One change to a registration after its export was signed off. */
export interface ExportChangeView {
  recordId: string;
  so: string | null;
  kind: string;
  fields: string[];
  reason: string;
  decisionRef: string;
  by: string | null;
  at: string;
}

export function changeView(c: ExportChangeItem, names: ReadonlyMap<string, string>): ExportChangeView {
  return {
    recordId: c.record_id,
    so: c.so,
    kind: c.kind,
    fields: c.fields,
    reason: c.reason,
    decisionRef: c.decision_ref,
    by: c.actor_id ? (names.get(c.actor_id) ?? null) : null,
    at: c.created_at.toISOString(),
  };
}

/** The stale mark of an export from its changes. */
export function staleOf(changes: readonly ExportChangeView[]): ExportView['stale'] {
  return changes.length === 0 ? null : { records: new Set(changes.map((c) => c.recordId)).size, changes: [...changes] };
}

/** Display names of the creators and signers of these exports. */
export async function loginsOf(ctx: AppContext, rows: readonly ExportRow[]): Promise<Map<string, string>> {
  return userDisplayNames(
    ctx,
    rows.flatMap((r) => [r.created_by, r.signed_off_by]),
  );
}

export function exportView(row: ExportRow, names: ReadonlyMap<string, string>, changes: readonly ExportChangeView[] = []): ExportView {
  const counts = (row.manifest as { counts?: { registrations?: number } }).counts;
  return {
    id: row.id,
    bookId: row.book_id,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by ? (names.get(row.created_by) ?? null) : null,
    registrations: counts?.registrations ?? 0,
    warnings: row.warnings,
    files: row.files.map((f) => ({ name: f.name, kind: f.kind as ExportFileKind, bytes: f.bytes, sha256: f.sha256, url: `/api/exports/${row.id}/files/${encodeURIComponent(f.name)}` })),
    signedOff: row.signed_off_at ? { by: row.signed_off_by ? (names.get(row.signed_off_by) ?? null) : null, at: row.signed_off_at.toISOString(), note: row.note } : null,
    stale: staleOf(changes),
  };
}
