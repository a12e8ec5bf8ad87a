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
import { exportMatchKeys } from '../popdb/index.js';
import { actingAs } from './import.command.js';
import { withContext } from './open-context.js';

interface ExportOpts {
  unit: string;
  out: string;
  user?: string;
  data?: string;
  json?: boolean;
}

export async function popdbExportCommand(o: ExportOpts): Promise<void> {
  await withContext(o.data, async (ctx) => {
    const { view, files } = await exportMatchKeys(await actingAs(ctx, o.user), o.unit);
    await mkdir(o.out, { recursive: true });
    for (const f of files) await writeFile(path.join(o.out, f.name), f.bytes);
    if (o.json) return console.log(JSON.stringify(view));
    console.log(
      `Đã xuất ${view.records} việc đăng ký của ${view.unit.path || view.unit.name} (${
        Object.entries(view.byType)
          .map(([t, n]) => `${t}: ${n}`)
          .join(', ') || 'không có'
      }; ${view.withPersonalId} có số định danh).`,
    );
    for (const f of files) console.log(`  ${path.join(o.out, f.name)}`);
  });
}

export async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw new Invalid('file.unreadable', `Không đọc được tệp "${file}".`, 'file');
  }
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
}
