/**
 * After an export: listing a book's exports, a reviewer's sign-off of the
 * warnings report (once; records.review is checked by the route), and
 * reading an exported file back as a stream.
 */
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { getBook, syncBookStatus } from '../archive/index.js';
import { appendEntityAction } from '../audit/index.js';
import { actorCan, actorIdOf, assertPermission, forbidden, logRead, userDisplayNames, type ActorContext } from '../auth/index.js';
import { Conflict, NotFound } from '../core/index.js';
import { transact } from '../store/index.js';
import { blobFileStream } from './blob-file.js';
import { changeView, exportView, loginsOf, type ExportChangeView, type ExportFileKind, type ExportView } from './export-view.js';
import * as repo from './exports.repo.js';

const isUuid = (id: string) => z.uuid().safeParse(id).success;

async function exportRow(ctx: ActorContext, id: string) {
  const row = isUuid(id) ? await repo.findExport(ctx.store.db, ctx.actor, id) : undefined;
  if (!row) throw new NotFound('export.not_found', `Không tìm thấy lần xuất dữ liệu ${id}.`);
  return row;
}

/** The changes since each export's sign-off, by export id. */
export async function changesOfExports(ctx: ActorContext, exportIds: readonly string[]): Promise<Map<string, ExportChangeView[]>> {
  const items = await repo.listExportChanges(ctx.store.db, exportIds);
  const names = await userDisplayNames(
    ctx,
    items.map((c) => c.actor_id),
  );
  const out = new Map<string, ExportChangeView[]>();
  for (const c of items) out.set(c.export_id, [...(out.get(c.export_id) ?? []), changeView(c, names)]);
  return out;
}

export async function listExports(ctx: ActorContext, bookId: string): Promise<ExportView[]> {
  await getBook(ctx, bookId);
  const rows = await repo.listExportsOfBook(ctx.store.db, ctx.actor, bookId);
  const names = await loginsOf(ctx, rows);
  const changes = await changesOfExports(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => exportView(r, names, changes.get(r.id)));
}

export async function getExport(ctx: ActorContext, id: string): Promise<ExportView> {
  const row = await exportRow(ctx, id);
  return exportView(row, await loginsOf(ctx, [row]), (await changesOfExports(ctx, [row.id])).get(row.id));
}

export const SignOffInput = z.object({ note: z.string().trim().max(2000, 'Ý kiến tối đa 2000 ký tự.').default('') });
export type SignOffInput = z.input<typeof SignOffInput>;

/** A reviewer signs the warnings report off (records.review), once; the sign-off is in the book's history. */
export async function signOffExport(ctx: ActorContext, id: string, input: unknown): Promise<ExportView> {
  assertPermission(ctx.actor, 'records.review');
  const { note } = SignOffInput.parse(input ?? {});
  const before = await exportRow(ctx, id);
  const actorId = actorIdOf(ctx.actor);
  const row = await transact(ctx.store.db, async (tx) => {
    const row = await repo.signOffExport(tx, before.id, actorId, ctx.clock(), note);
    if (!row) throw new Conflict('export.already_signed_off', 'Báo cáo của lần xuất này đã được ký duyệt trước đó.');
    await appendEntityAction(tx, { entityType: 'export', entityId: row.id, bookId: row.book_id, kind: 'signed_off', actorId, reason: note });
    await syncBookStatus(tx, ctx.actor, row.book_id, ctx.clock());
    return row;
  });
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

/**
 * One file of an export, for download: the data files need exports.download;
 * the warnings report may also be read by a reviewer (records.review). The
 * download is written to the access log.
 */
export async function openExportFile(ctx: ActorContext, id: string, name: string): Promise<ExportFile> {
  const row = await exportRow(ctx, id);
  const file = row.files.find((f) => f.name === name.normalize('NFC'));
  if (!file) throw new NotFound('export.file_not_found', `Lần xuất này không có tệp "${name}".`);
  if (!actorCan(ctx.actor, 'exports.download') && !(file.kind === 'report' && actorCan(ctx.actor, 'records.review'))) throw forbidden('exports.download');
  await logRead(ctx, { action: 'export.download', entityType: 'export', entityId: `${row.id}/${file.name}`, bookId: row.book_id });
  return { name: file.name, kind: file.kind as ExportFileKind, bytes: file.bytes, sha256: file.sha256, open: () => blobFileStream(ctx.blobs, file.chunks) };
}
