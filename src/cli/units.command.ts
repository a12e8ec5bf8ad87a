/**
 * `hotich units …`: import official lists, load the built-in lists, resolve
 * place text. Reports are Vietnamese; `resolve` prints JSON.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { Invalid } from '../core/index.js';
import { withContext } from './open-context.js';
import { ensureBuiltinUnits, importUnitFile, loadBuiltin, resolvePlaceText, type ImportReport } from '../units/index.js';

function printReport(r: ImportReport): void {
  const c = (x: ImportReport['added']) => `${x.units} đơn vị, ${x.successors} liên kết kế thừa, ${x.aliases} tên cũ`;
  console.log(`${r.source} (${r.format}):`);
  console.log(`  thêm mới: ${c(r.added)}`);
  console.log(`  thay đổi: ${c(r.changed)}`);
  console.log(`  không đổi: ${c(r.unchanged)}`);
  for (const w of r.warnings.slice(0, 20)) console.log(`  ⚠ ${w}`);
  if (r.warnings.length > 20) console.log(`  … và ${r.warnings.length - 20} cảnh báo khác`);
}

function readInput(file: string): { name: string; bytes: Uint8Array } {
  try {
    return { name: path.basename(file), bytes: readFileSync(file) };
  } catch (e) {
    throw new Invalid('file.unreadable', `Không đọc được tệp "${file}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
}

export function unitsCommands(program: Command): void {
  const units = program.command('units').description('đơn vị hành chính: nhập danh mục, tra cứu địa danh');
  units
    .command('import <files...>')
    .description('nhập danh mục đơn vị hành chính (CSV/XLSX theo mẫu Tổng cục Thống kê, danh mục 2025, bảng chuyển đổi, tên cũ)')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in báo cáo dạng JSON')
    .action((files: string[], opts: { data?: string; json?: boolean }) =>
      withContext(opts.data, async (ctx) => {
        for (const f of files) {
          const reports = await importUnitFile(ctx, readInput(f));
          if (opts.json) console.log(JSON.stringify({ file: f, reports }, null, 2));
          else reports.forEach(printReport);
        }
      }),
    );
  units
    .command('load-builtin')
    .description('nạp danh mục có sẵn (trước và sau 01.07.2025, bảng chuyển đổi, các tỉnh cũ)')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .action((opts: { data?: string }) => withContext(opts.data, async (ctx) => (await loadBuiltin(ctx)).forEach(printReport)));
  units
    .command('resolve <text>')
    .description('tra một địa danh như ghi trong sổ ra đơn vị hành chính lúc đó và đơn vị hiện nay')
    .option('--as-of <yyyy>', 'năm ghi địa danh (năm của sổ)')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .action((text: string, opts: { asOf?: string; data?: string }) =>
      withContext(opts.data, async (ctx) => {
        const asOf = opts.asOf === undefined ? undefined : Number(opts.asOf);
        if (asOf !== undefined && !(Number.isInteger(asOf) && asOf >= 1800 && asOf <= 2200)) {
          throw new Invalid('cli.bad_year', `--as-of phải là một năm (1800–2200), nhận được "${opts.asOf}".`);
        }
        if (await ensureBuiltinUnits(ctx)) console.error('(Đã nạp danh mục đơn vị hành chính có sẵn vào cơ sở dữ liệu.)');
        console.log(JSON.stringify(await resolvePlaceText(ctx, text, asOf === undefined ? {} : { asOf }), null, 2));
      }),
    );
}
