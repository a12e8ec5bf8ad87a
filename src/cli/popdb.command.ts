/**
 * `hotich popdb export --unit <mã> --out <thư mục> [--user <tên>]`: the
 * match-key file of a unit's completed birth and death registrations for the
 * population side (CSV, xlsx, manifest.json; docs/POPDB.md).
 * `hotich popdb import <tệp> [--user <tên>] [--report <tệp.xlsx>]`: the file
 * the population side returned, all or nothing; a file with a bad row is
 * refused (exit 2) and its error report written next to it.
 * With --user the command acts as that user (her scope); else as the system.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { Invalid } from '../core/index.js';
import type { ActorContext } from '../auth/index.js';
import { exportMatchKeys, importPopdbFile, type PopdbBatchView, type PopdbExportView } from '../popdb/index.js';
import { importProgressPrinter } from './import-progress.js';
import { actingAs } from './import.command.js';
import { withContext } from './open-context.js';

interface ExportOpts {
  unit: string;
  out: string;
  user?: string;
  data?: string;
  json?: boolean;
}

/** Writes the match-key files of a unit into o.out; acts as o.user when given. */
export async function runPopdbExport(ctx: ActorContext, o: ExportOpts): Promise<{ view: PopdbExportView; paths: string[] }> {
  const { view, files } = await exportMatchKeys(await actingAs(ctx, o.user), o.unit);
  await mkdir(o.out, { recursive: true });
  const paths = files.map((f) => path.join(o.out, f.name));
  for (const [i, f] of files.entries()) await writeFile(paths[i]!, f.bytes);
  return { view, paths };
}

export async function popdbExportCommand(o: ExportOpts): Promise<void> {
  await withContext(o.data, async (ctx) => {
    const { view, paths } = await runPopdbExport(ctx, o);
    if (o.json) return console.log(JSON.stringify(view));
    const types =
      Object.entries(view.byType)
        .map(([t, n]) => `${t}: ${n}`)
        .join(', ') || 'không có';
    console.log(`Đã xuất ${view.records} việc đăng ký của ${view.unit.path || view.unit.name} (${types}; ${view.withPersonalId} có số định danh).`);
    for (const p of paths) console.log(`  ${p}`);
  });
}

export async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw new Invalid('file.unreadable', `Không đọc được tệp "${file}".`, 'file');
  }
}

interface ImportOpts {
  user?: string;
  report?: string;
  data?: string;
  json?: boolean;
}

const SHOWN_ROWS = 20;

function printBatch(v: PopdbBatchView, reportPath: string | undefined): void {
  console.log(v.summary);
  for (const r of v.rows.slice(0, SHOWN_ROWS)) for (const e of r.errors) console.log(`  dòng ${r.row}: ${e}`);
  if (v.rows.length > SHOWN_ROWS) console.log(`  … và ${v.rowsWithErrors - SHOWN_ROWS} dòng khác (xem báo cáo).`);
  if (reportPath) console.log(`Báo cáo lỗi: ${reportPath}`);
}

/** Imports a result file as o.user (or the system); a refused file's error report is written next to it or to o.report. */
export async function runPopdbImport(ctx: ActorContext, file: string, o: ImportOpts): Promise<{ view: PopdbBatchView; reportPath?: string }> {
  const bytes = await readInput(file);
  const { view, errorReport } = await importPopdbFile(await actingAs(ctx, o.user), { fileName: path.basename(file), bytes }, { progress: importProgressPrinter() });
  if (!errorReport) return { view };
  const reportPath = o.report ?? path.join(path.dirname(file), `${path.basename(file).replace(/\.(xlsx|csv)$/i, '')}.loi.xlsx`);
  await writeFile(reportPath, errorReport);
  return { view, reportPath };
}

/** Runs the import; returns the exit code (0 imported, 2 refused with its error report). */
export async function popdbImportCommand(file: string, o: ImportOpts): Promise<number> {
  return withContext(o.data, async (ctx) => {
    const { view, reportPath } = await runPopdbImport(ctx, file, o);
    if (o.json) console.log(JSON.stringify({ ...view, errorReportPath: reportPath ?? null }));
    else printBatch(view, reportPath);
    return view.status === 'imported' ? 0 : 2;
  });
}

export function popdbCommands(program: Command): void {
  const popdb = program.command('popdb').description('đối chiếu với Cơ sở dữ liệu quốc gia về dân cư (Sổ hộ tịch là căn cứ)');
  popdb
    .command('export')
    .description('xuất tệp khóa đối chiếu (CSV, xlsx, manifest.json) các việc khai sinh, khai tử đã hoàn thành của một đơn vị')
    .requiredOption('--unit <mã>', 'đơn vị: mã như API trả về hoặc mã Tổng cục Thống kê (gồm cả các đơn vị trực thuộc và xã cũ đã nhập vào)')
    .requiredOption('--out <thư mục>', 'thư mục ghi tệp')
    .option('--user <login>', 'xuất với tư cách người dùng này (chỉ các đơn vị trong phạm vi của người đó)')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action((o: ExportOpts) => popdbExportCommand(o));
  popdb
    .command('import <file>')
    .description('nhập tệp kết quả đối chiếu do cơ quan dân cư gửi lại (xlsx hoặc CSV); có dòng lỗi thì không nhập gì và ghi báo cáo lỗi')
    .option('--user <login>', 'nhập với tư cách người dùng này (phạm vi của người đó)')
    .option('--report <path>', 'nơi ghi báo cáo lỗi .xlsx (mặc định: cạnh tệp, tên <tệp>.loi.xlsx)')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (file: string, o: ImportOpts) => {
      process.exitCode = await popdbImportCommand(file, o);
    });
}
