/**
 * After an export: listing a book's exports, a reviewer's sign-off of the
 * warnings report (once; records.review is checked by the route), and
 * reading an exported file back as a stream.
 */
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { getBook } from '../archive/index.js';
import { Conflict, NotFound, type AppContext } from '../core/index.js';
import { blobFileStream } from './blob-file.js';
import { exportView, loginsOf, type ExportFileKind, type ExportView } from './export-view.js';
import * as repo from './exports.repo.js';

const isUuid = (id: string) => z.uuid().safeParse(id).success;

async function exportRow(ctx: AppContext, id: string) {
  const row = isUuid(id) ? await repo.findExport(ctx.store.db, id) : undefined;
  if (!row) throw new NotFound('export.not_found', `Không tìm thấy lần xuất dữ liệu ${id}.`);
  return row;
}

export async function listExports(ctx: AppContext, bookId: string): Promise<ExportView[]> {
  await getBook(ctx, bookId);
  const rows = await repo.listExportsOfBook(ctx.store.db, bookId);
  const names = await loginsOf(ctx, rows);
  return rows.map((r) => exportView(r, names));
}

export async function getExport(ctx: AppContext, id: string): Promise<ExportView> {
  const row = await exportRow(ctx, id);
  return exportView(row, await loginsOf(ctx, [row]));
}

export const SignOffInput = z.object({ note: z.string().trim().max(2000, 'Ý kiến tối đa 2000 ký tự.').default('') });
export type SignOffInput = z.input<typeof SignOffInput>;

export async function signOffExport(ctx: AppContext, id: string, actorId: string | null, input: unknown): Promise<ExportView> {
  const { note } = SignOffInput.parse(input ?? {});
  const before = await exportRow(ctx, id);
  const row = await repo.signOffExport(ctx.store.db, before.id, actorId, ctx.clock(), note);
  if (!row) throw new Conflict('export.already_signed_off', 'Báo cáo của lần xuất này đã được ký duyệt trước đó.');
  return exportView(row, await loginsOf(ctx, [row]));
}

export interface ExportFile {
  name: string;
  kind: ExportFileKind;
  bytes: number;
  sha256: string;
  /** The file's bytes, read chunk after chunk from the blob store. */
  open(): Readable;
}

/** One file of an export (opened only when `open()` is called, so callers can check permissions by kind first). */
export async function findExportFile(ctx: AppContext, id: string, name: string): Promise<ExportFile> {
  const row = await exportRow(ctx, id);
  const file = row.files.find((f) => f.name === name.normalize('NFC'));
  if (!file) throw new NotFound('export.file_not_found', `Lần xuất này không có tệp "${name}".`);
  return { name: file.name, kind: file.kind as ExportFileKind, bytes: file.bytes, sha256: file.sha256, open: () => blobFileStream(ctx.blobs, file.chunks) };
}
