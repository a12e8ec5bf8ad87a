/**
 * `hotich export`: a book (--book <id>) or every ready book of an
 * administrative unit and the units below it (--all --unit <code>) to the MoJ
 * files (xlsx, zip of PDFs, warnings report, manifest) written into --out.
 * With --all, books not ready (no registration, drafts, ERRORs) are skipped
 * with the reason. Exit 0 when something was exported, 1 when --all exported
 * nothing; a refused --book export is a Vietnamese error (exit 2).
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import type { ActorContext } from '../auth/index.js';
import { Invalid, isAppError, parseNameCase, type NameCase } from '../core/index.js';
import { createExport, openExportFile, listBookIdsOfUnit, registrationCounts, type ExportOptions, type ExportView } from '../exchange/index.js';
import { withContext } from './open-context.js';

export interface ExportCommandOptions {
  book?: string;
  all?: boolean;
  unit?: string;
  out?: string;
  nameCase?: string;
  namePattern?: string;
  data?: string;
  json?: boolean;
}

export interface ExportRun {
  exported: { bookId: string; export: ExportView; dir: string }[];
  skipped: { bookId: string; reason: string }[];
}

function nameCaseOf(raw: string | undefined): NameCase | undefined {
  if (raw === undefined) return undefined;
  try {
    return parseNameCase(raw);
  } catch (e) {
    throw new Invalid('cli.name_case', (e as Error).message, 'nameCase');
  }
}

async function writeOut(ctx: ActorContext, view: ExportView, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of view.files) await pipeline((await openExportFile(ctx, view.id, f.name)).open(), createWriteStream(path.join(dir, f.name)));
}

/** Why a book of --all is not exported, or undefined when it is ready. */
async function notReady(ctx: ActorContext, bookId: string): Promise<string | undefined> {
  const { total, drafts } = await registrationCounts(ctx.store.db, ctx.actor, bookId);
  if (total === 0) return 'chưa có bản ghi đăng ký nào';
  if (drafts > 0) return `còn ${drafts}/${total} bản ghi chưa hoàn thành`;
  return undefined;
}

export async function runExport(ctx: ActorContext, o: ExportCommandOptions): Promise<ExportRun> {
  if (!o.out) throw new Invalid('cli.export_out', 'Cần chỉ thư mục ghi tệp: --out <thư mục>.');
  if (Boolean(o.book) === Boolean(o.all)) throw new Invalid('cli.export_target', 'Chọn một trong hai: --book <mã sổ> hoặc --all --unit <mã đơn vị>.');
  const nameCase = nameCaseOf(o.nameCase);
  const opts: ExportOptions = { ...(nameCase ? { nameCase } : {}), ...(o.namePattern ? { namePattern: o.namePattern } : {}) };
  const run: ExportRun = { exported: [], skipped: [] };
  if (o.book) {
    const view = await createExport(ctx, o.book, opts);
    await writeOut(ctx, view, o.out);
    run.exported.push({ bookId: o.book, export: view, dir: o.out });
    return run;
  }
  if (!o.unit) throw new Invalid('cli.export_unit', 'Với --all cần chỉ đơn vị hành chính: --unit <mã đơn vị>.');
  const ids = await listBookIdsOfUnit(ctx.store.db, ctx.actor, o.unit);
  if (ids.length === 0) throw new Invalid('cli.export_unit_empty', `Không có quyển sổ nào thuộc đơn vị "${o.unit}".`);
  for (const bookId of ids) {
    const reason = await notReady(ctx, bookId);
    if (reason) {
      run.skipped.push({ bookId, reason });
      continue;
    }
    try {
      const view = await createExport(ctx, bookId, opts);
      await writeOut(ctx, view, o.out);
      run.exported.push({ bookId, export: view, dir: o.out });
    } catch (e) {
      if (!isAppError(e)) throw e;
      run.skipped.push({ bookId, reason: e.message.split('\n')[0]! });
    }
  }
  return run;
}

function print(run: ExportRun): void {
  for (const e of run.exported) {
    console.log(`Đã xuất quyển sổ ${e.bookId}: ${e.export.registrations} bản ghi, ${e.export.warnings} cảnh báo.`);
    for (const f of e.export.files) console.log(`  ${path.join(e.dir, f.name)}  (${f.bytes} byte, sha256 ${f.sha256})`);
  }
  for (const s of run.skipped) console.log(`Bỏ qua quyển sổ ${s.bookId}: ${s.reason}.`);
}

export function exportCommands(program: Command): void {
  program
    .command('export')
    .description('xuất dữ liệu Bộ Tư pháp: tệp Excel, tệp nén PDF, báo cáo cảnh báo và bảng kê (manifest)')
    .option('--book <id>', 'mã quyển sổ')
    .option('--all', 'mọi quyển sổ đã hoàn thành của một đơn vị (cùng --unit)')
    .option('--unit <code>', 'mã đơn vị hành chính (xã, huyện hoặc tỉnh)')
    .option('--out <dir>', 'thư mục ghi tệp')
    .option('--name-case <case>', 'kiểu chữ họ tên: title (mặc định), upper, keep (hoặc biến HOTICH_EXPORT_NAME_CASE)')
    .option('--name-pattern <pattern>', 'mẫu tên tệp, ví dụ {commune}_{type}_{year}_{volume} (hoặc biến HOTICH_EXPORT_NAME_PATTERN)')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action((o: ExportCommandOptions) =>
      withContext(o.data, async (ctx) => {
        const run = await runExport(ctx, o);
        if (o.json) console.log(JSON.stringify(run));
        else print(run);
        if (o.all && run.exported.length === 0) process.exitCode = 1;
      }),
    );
}
