/**
 * Exporting a book to the Ministry of Justice. Two passes over the book's
 * registrations, both streamed in export order (entry streamBookRecords):
 * 1. the gate (export-gate.ts) re-validates every registration and refuses
 *    the book on a draft or an ERROR;
 * 2. one writing pass feeds, record by record, the "DL Import" xlsx (row n =
 *    STT n), the zip of PDFs (the same order, named by số) and the warnings
 *    report; each file goes straight into chunked blobs (blob-file.ts) while
 *    its SHA-256 is computed. If the book changed between the passes the
 *    export is refused (Conflict), never half-checked.
 * Then the manifest (counts, hashes, template, validation summary, earlier
 * exports and their sign-off) and ONE insert into `exports`. Memory stays flat:
 * one registration, its PDF and a few MB of buffers at a time.
 */
import { createHash, randomUUID } from 'node:crypto';
import { bookView, getBook, type BookView } from '../archive/index.js';
import { appendEntityAction } from '../audit/index.js';
import { actorIdOf, assertPermission, userDisplayNames, type ActorContext } from '../auth/index.js';
import { Conflict, VERSION, type NameCase } from '../core/index.js';
import { transact } from '../store/index.js';
import { isAcknowledged, streamBookRecords } from '../entry/index.js';
import { droppedDuplicates } from '../linkage/index.js';
import { getTemplate, headerRow, type Finding, type RegisterTemplate } from '../registers/index.js';
import { BlobFileWriter, storeSmallFile, type StoredBlobFile } from './blob-file.js';
import { recordPages } from './bundles.service.js';
import { checkBookRules, checkGate, NO_PAGES, recordWarnings, type BookRulesSummary, type GateSummary } from './export-gate.js';
import { checkNamePattern, exportBaseName, pdfNamer } from './export-names.js';
import { createReportWriter } from './export-report.js';
import { DATA_SHEET, exportRecordRow, notesSheet } from './export-row.js';
import { exportView, loginsOf, type ExportFileKind, type ExportView } from './export-view.js';
import { changesOfExports } from './export-signoff.service.js';
import * as repo from './exports.repo.js';
import { registrationPdf } from './registration-pdf.js';
import { zipRegistrationPdfs } from './registration-zip.js';
import { createXlsxWriter } from './xlsx-writer.js';

export interface ExportOptions {
  /** File name pattern; default ctx.config.exportNamePattern. */
  namePattern?: string;
  /** Casing of personal names; default ctx.config.exportNameCase. */
  nameCase?: NameCase;
}

interface Job {
  ctx: ActorContext;
  book: BookView;
  template: RegisterTemplate;
  base: string;
  nameCase: NameCase;
  created: Date;
  gate: GateSummary;
  bookRules: BookRulesSummary;
}

interface Written {
  xlsx: StoredBlobFile;
  zip: StoredBlobFile;
  report: StoredBlobFile;
  pdfs: number;
  pdfPages: number;
  /** Rows of the data file (registrations exported). */
  rows: number;
  /** Registrations decided duplicates of another (src/linkage), left out of the files. */
  duplicatesLeftOut: number;
}

const finished = (w: BlobFileWriter) =>
  new Promise<StoredBlobFile>((resolve, reject) => {
    if (w.writableFinished) return resolve(w.result());
    w.once('finish', () => resolve(w.result()));
    w.once('error', reject);
  });

/** The writing pass: xlsx row, report rows and PDF of each registration, in one iteration. */
function duplicateFinding(keepId: string, decidedAt: Date): Finding {
  return {
    path: '',
    severity: 'WARNING',
    code: 'linkage.duplicate',
    message: `Không xuất bản ghi này: người kiểm tra đã quyết định ngày ${decidedAt.toISOString().slice(0, 10)} đây là bản trùng của bản ghi ${keepId} (bản được giữ lại và xuất).`,
  };
}

async function writeFiles(job: Job): Promise<Written> {
  const { ctx, book, template, created } = job;
  const sinks = { xlsx: new BlobFileWriter(ctx.blobs), zip: new BlobFileWriter(ctx.blobs), report: new BlobFileWriter(ctx.blobs) };
  const xlsx = createXlsxWriter(sinks.xlsx, { sheet: DATA_SHEET, header: headerRow(template), extraSheets: [notesSheet(template)], title: book.title, created });
  const duplicates = await droppedDuplicates(ctx.store.db, book.id);
  const report = createReportWriter(sinks.report, book, template, job.gate, created, await repo.countRecordsOfBook(ctx.store.db, book.id, [...duplicates.keys()]));
  const fingerprint = createHash('sha256');
  const nameOf = pdfNamer(job.base);
  let pdfPages = 0;
  let stt = 0;
  let leftOut = 0;
  async function* pdfs() {
    for await (const record of streamBookRecords(ctx.store.db, ctx.actor, book.id)) {
      fingerprint.update(`${record.id}:${record.version}\n`);
      const dup = duplicates.get(record.id);
      if (dup) {
        // decided a duplicate of another registration (src/linkage): not exported twice, the report says why
        await report.add(0, record.values.so, record.id, duplicateFinding(dup.keepId, dup.decidedAt), true);
        leftOut++;
        continue;
      }
      stt++;
      const row = exportRecordRow(template, record.values, stt, job.nameCase);
      await xlsx.writeRow(row.cells);
      for (const w of recordWarnings(template, record, ctx.clock())) await report.add(stt, record.values.so, record.id, w, isAcknowledged(w, record.acknowledged));
      for (const r of row.replacements) await report.replaced(stt, record.values.so, record.id, r);
      const pages = await recordPages(ctx, record);
      if (pages.length === 0) {
        await report.add(stt, record.values.so, record.id, NO_PAGES, false);
        continue;
      }
      const name = nameOf(record.values.so, stt);
      pdfPages += pages.length;
      yield { name, pdf: (await registrationPdf(pages, { title: name.replace(/\.pdf$/, '') })).pdf };
    }
  }
  try {
    const zipped = await zipRegistrationPdfs(pdfs(), sinks.zip, { mtime: created });
    if (fingerprint.digest('hex') !== job.gate.fingerprint)
      throw new Conflict('export.book_changed', `${book.title} đã thay đổi trong lúc xuất (có bản ghi vừa được sửa, thêm hoặc mở lại). Hãy xuất lại.`);
    await Promise.all([xlsx.end(), report.end()]);
    const [x, z, r] = await Promise.all([finished(sinks.xlsx), finished(sinks.zip), finished(sinks.report)]);
    return { xlsx: x, zip: z, report: r, pdfs: zipped.files, pdfPages, rows: stt, duplicatesLeftOut: leftOut };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    await Promise.all([xlsx.abort(err), report.abort(err)]);
    throw e;
  }
}

function fileEntry(name: string, kind: ExportFileKind, f: StoredBlobFile) {
  return { name, kind, bytes: f.bytes, sha256: f.sha256, chunks: f.chunks };
}

async function previousExports(ctx: ActorContext, bookId: string) {
  const rows = await repo.listExportsOfBook(ctx.store.db, ctx.actor, bookId);
  const names = await userDisplayNames(
    ctx,
    rows.map((r) => r.signed_off_by),
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at.toISOString(),
    warnings: r.warnings,
    signedOff: r.signed_off_at ? { by: names.get(r.signed_off_by ?? '') ?? null, at: r.signed_off_at.toISOString(), note: r.note } : null,
  }));
}

/** What changed since the newest signed-off export (export_changes): the registrations corrected or reopened after its sign-off. */
async function changesSinceLast(ctx: ActorContext, bookId: string) {
  const rows = await repo.listExportsOfBook(ctx.store.db, ctx.actor, bookId);
  const last = rows.find((r) => r.signed_off_at !== null);
  if (!last) return null;
  const changes = (await changesOfExports(ctx, [last.id])).get(last.id) ?? [];
  return { exportId: last.id, signedOffAt: last.signed_off_at!.toISOString(), records: new Set(changes.map((c) => c.recordId)).size, changes };
}

async function manifestOf(job: Job, id: string, written: Written, files: ReturnType<typeof fileEntry>[], opts: { namePattern: string; createdBy: string | null }) {
  const { book, template, gate } = job;
  return {
    format: 'hotich-export/1',
    exportId: id,
    createdAt: job.created.toISOString(),
    createdBy: opts.createdBy,
    hotichVersion: VERSION,
    book: {
      id: book.id,
      title: book.title,
      registerType: book.registerType,
      authority: book.authority,
      authorityUnit: book.authorityUnit?.id ?? null,
      yearFrom: book.yearFrom,
      volumeNo: book.volumeNo,
    },
    template: { id: template.id, source: template.source, columns: template.fields.length },
    options: { namePattern: opts.namePattern, nameCase: job.nameCase },
    counts: {
      registrations: written.rows,
      rows: written.rows,
      duplicatesLeftOut: written.duplicatesLeftOut,
      pdfs: written.pdfs,
      pdfPages: written.pdfPages,
      withoutPages: gate.withoutPages,
      warnings: gate.warnings,
      canonicalReplacements: gate.replacements,
    },
    validation: { checkedAt: job.created.toISOString(), errors: 0, drafts: 0, warnings: gate.warnings, warningsByCode: gate.warningsByCode },
    files: files.map(({ name, kind, bytes, sha256 }) => ({ name, kind, bytes, sha256 })),
    previousExports: await previousExports(job.ctx, book.id),
    changesSinceLastExport: await changesSinceLast(job.ctx, book.id),
    bookChecks: job.bookRules,
  };
}

/** Runs the gate, writes the files, stores the export; throws Invalid 'export.blocked' (Vietnamese list) when the book is not ready. */
export async function createExport(ctx: ActorContext, bookId: string, opts: ExportOptions = {}): Promise<ExportView> {
  assertPermission(ctx.actor, 'exports.download');
  const book = bookView(await getBook(ctx, bookId));
  const actorId = actorIdOf(ctx.actor);
  const template = getTemplate(book.templateId);
  const namePattern = checkNamePattern(opts.namePattern ?? ctx.config.exportNamePattern);
  const gate = await checkGate(ctx, book.id, book.title, template);
  const bookRules = await checkBookRules(ctx, book.id, book.title);
  const job: Job = { ctx, book, template, base: exportBaseName(book, namePattern), nameCase: opts.nameCase ?? ctx.config.exportNameCase, created: ctx.clock(), gate, bookRules };
  const written = await writeFiles(job);
  const files = [fileEntry(`${job.base}.xlsx`, 'xlsx', written.xlsx), fileEntry(`${job.base}.zip`, 'zip', written.zip), fileEntry(`${job.base}_bao-cao-kiem-tra.xlsx`, 'report', written.report)];
  const id = randomUUID();
  const createdBy = actorId ? ((await userDisplayNames(ctx, [actorId])).get(actorId) ?? null) : null;
  const manifest = await manifestOf(job, id, written, files, { namePattern, createdBy });
  const manifestFile = fileEntry(`${job.base}.manifest.json`, 'manifest', await storeSmallFile(ctx.blobs, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')));
  const row = await transact(ctx.store.db, async (tx) => {
    const row = await repo.insertExport(tx, {
      id,
      book_id: book.id,
      files: JSON.stringify([...files, manifestFile]),
      manifest: JSON.stringify(manifest),
      warnings: gate.warnings,
      created_by: actorId,
    });
    await appendEntityAction(tx, {
      entityType: 'export',
      entityId: id,
      bookId: book.id,
      kind: 'created',
      actorId,
      payload: { counts: manifest.counts, files: files.map((f) => ({ name: f.name, sha256: f.sha256 })) },
    });
    return row;
  });
  return exportView(row, await loginsOf(ctx, [row]));
}
