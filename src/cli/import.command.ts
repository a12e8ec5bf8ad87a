/**
 * `hotich import <file> [--book <id>]`: registrations from an xlsx (MoJ
 * template) or CSV file. Prints a Vietnamese summary (or one JSON object with
 * --json). When rows have errors nothing is imported, the error report
 * (the rows with an added "Lỗi" column) is written next to the file or to
 * --report, and the exit code is 2. Without --book the books are created from
 * the file (one per quyển số and year), their authority resolved against the
 * administrative units (loaded on first use). --fix-encoding applies the
 * legacy-font / look-alike conversions the error report proposed. Progress
 * (rows read, checked, written) goes to stderr while it runs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { contextOfUser, findUserByLogin, type ActorContext } from '../auth/index.js';
import { Invalid, NotFound } from '../core/index.js';
import { errorReportName, importFile, type ImportView } from '../exchange/index.js';
import { ensureBuiltinUnits } from '../units/index.js';
import { importProgressPrinter } from './import-progress.js';
import { withContext } from './open-context.js';

export interface ImportOptions {
  book?: string;
  report?: string;
  user?: string;
  data?: string;
  json?: boolean;
  fixEncoding?: boolean;
}

const SHOWN_ROWS = 20;

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw new Invalid('file.unreadable', `Không đọc được tệp "${file}".`, 'file');
  }
}

/** The import acts as the named user (her scope and permissions), else as the system. */
export async function actingAs(ctx: ActorContext, login: string | undefined): Promise<ActorContext> {
  if (!login) return ctx;
  const user = await findUserByLogin(ctx, login);
  if (!user) throw new NotFound('user.not_found', `Không có người dùng "${login}".`);
  return contextOfUser(ctx, user.id, 'cli');
}

function printView(v: ImportView, reportPath: string | undefined): void {
  console.log(v.summary);
  for (const note of v.report.notes) console.log(`  ${note}`);
  const rows = v.report.rows.filter((r) => (v.status === 'failed' ? r.errors.length > 0 : r.warnings.length > 0));
  for (const r of rows.slice(0, SHOWN_ROWS)) {
    for (const line of v.status === 'failed' ? r.errors : r.warnings) console.log(`  dòng ${r.row}: ${line}`);
  }
  if (rows.length > SHOWN_ROWS) console.log(`  … và ${rows.length - SHOWN_ROWS} dòng khác (xem báo cáo).`);
  if (reportPath) console.log(`Báo cáo lỗi: ${reportPath}`);
}

/** Runs the import; returns the exit code (0 imported, 2 rows with errors). */
export async function importCommand(file: string, o: ImportOptions): Promise<number> {
  const bytes = await readInput(file);
  return withContext(o.data, async (ctx) => {
    if (!o.book) await ensureBuiltinUnits(ctx);
    const { view, errorReport } = await importFile(
      await actingAs(ctx, o.user),
      {
        fileName: path.basename(file),
        bytes,
        bookId: o.book,
        fixEncoding: o.fixEncoding === true,
      },
      { progress: importProgressPrinter() },
    );
    let reportPath: string | undefined;
    if (errorReport) {
      reportPath = o.report ?? path.join(path.dirname(file), errorReportName(path.basename(file)));
      await writeFile(reportPath, errorReport);
    }
    if (o.json) console.log(JSON.stringify({ ...view, errorReportPath: reportPath ?? null }));
    else printView(view, reportPath);
    return view.status === 'imported' ? 0 : 2;
  });
}

export function importCommands(program: Command): void {
  program
    .command('import <file>')
    .description('nhập bản ghi từ tệp Excel (.xlsx theo mẫu Bộ Tư pháp) hoặc CSV; có lỗi thì không nhập gì và ghi báo cáo lỗi')
    .option('--book <id>', 'mã quyển sổ nhận dữ liệu (mặc định: tạo quyển theo quyển số và năm đăng ký trong tệp)')
    .option('--report <path>', 'nơi ghi báo cáo lỗi .xlsx (mặc định: cạnh tệp nhập, tên <tệp>.loi.xlsx)')
    .option('--user <login>', 'người nhập (tên đăng nhập), ghi vào lịch sử bản ghi')
    .option('--fix-encoding', 'chuyển chữ gõ bằng bảng mã cũ (TCVN3, VNI) và chữ cái giống chữ Việt (Ð, chữ Kirin…) theo đề xuất của báo cáo lỗi; mỗi chỗ chuyển được ghi là cảnh báo')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (file: string, o: ImportOptions) => {
      process.exitCode = await importCommand(file, o);
    });
}
