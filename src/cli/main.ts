/**
 * The `hotich` command. Each subcommand lives in its own file; this one only
 * wires them and turns typed errors into a Vietnamese message and exit code 2.
 */
import { Command, CommanderError } from 'commander';
import { VERSION, isAppError } from '../core/index.js';
import { migrateCommand } from './migrate.command.js';
import { serveCommand } from './serve.command.js';
import { workerCommand } from './worker.command.js';
import { synthCommand } from './synth.command.js';
import { unitsCommands } from './units.command.js';
import { booksCommands } from './books.command.js';
import { usersCommands } from './users.command.js';
import { demoCommands } from './demo.command.js';
import { validateCommand } from './validate.command.js';
import { exportCommands } from './export.command.js';
import { importCommands } from './import.command.js';
import { auditCommands } from './audit.command.js';
import { backupCommands } from './backup.command.js';
import { extractsCommands } from './extracts.command.js';
import { searchCommands } from './search.command.js';
import { reportCommands } from './report.command.js';
import { popdbCommands } from './popdb.command.js';

function program(): Command {
  const p = new Command('hotich').description('hotich — số hóa Sổ hộ tịch').version(VERSION, '-v, --version', 'in phiên bản').helpOption('-h, --help', 'hướng dẫn sử dụng').exitOverride();
  p.command('serve')
    .description('chạy máy chủ web (mặc định cổng 8080, dữ liệu trong ./data)')
    .option('-p, --port <port>', 'cổng (hoặc biến PORT)')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .option('--host <host>', 'địa chỉ lắng nghe (mặc định 0.0.0.0)')
    .option('--demo', 'nếu cơ sở dữ liệu trống: tạo dữ liệu minh họa và tài khoản minh họa')
    .option('--no-worker', 'chỉ phục vụ web, không chạy công việc nền (khi có tiến trình hotich worker riêng)')
    .action((opts) => serveCommand(opts));
  p.command('worker')
    .description('chỉ chạy công việc nền (xuất, nhập dữ liệu …), không phục vụ web; chạy được nhiều tiến trình cùng một PostgreSQL')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .action((opts) => workerCommand(opts));
  p.command('migrate')
    .description('nâng cấp cấu trúc cơ sở dữ liệu')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .action((opts) => migrateCommand(opts));
  p.command('validate <type> <file>')
    .description('kiểm tra bản ghi trong tệp JSON theo danh mục sổ (KS, KT, KH, CMC, HN, …)')
    .option('--json', 'in kết quả dạng JSON')
    .option('--today <yyyy-mm-dd>', 'ngày được coi là hôm nay')
    .action((type: string, file: string, opts) => {
      process.exitCode = validateCommand(type, file, opts);
    });
  p.command('synth')
    .description('tạo một tỉnh tổng hợp (sổ khai sinh, tên người Việt ngẫu nhiên) để thử tải và đo hiệu năng')
    .requiredOption('--registrations <n>', 'số việc đăng ký cần tạo, ví dụ 1000000')
    .option('--pages', 'mỗi trang có một ảnh quét (một ảnh JPEG dùng chung)')
    .option('--per-book <n>', 'số việc đăng ký mỗi quyển sổ (mặc định 100)')
    .option('--seed <n>', 'hạt giống ngẫu nhiên (mặc định 2026)')
    .option('--first-volume <n>', 'số quyển đầu tiên (khi chạy nhiều lần vào một cơ sở dữ liệu)')
    .option('--province <mã>', 'mã tỉnh (hai chữ số, ví dụ 93): sổ do các xã thật của tỉnh đó đăng ký, theo danh mục đơn vị hành chính')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .action((opts) => synthCommand(opts));
  unitsCommands(p);
  booksCommands(p);
  usersCommands(p);
  demoCommands(p);
  exportCommands(p);
  importCommands(p);
  reportCommands(p);
  auditCommands(p);
  backupCommands(p);
  extractsCommands(p);
  searchCommands(p);
  popdbCommands(p);
  return p;
}

export async function run(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode;
      return;
    }
    if (isAppError(e)) {
      console.error(`Lỗi: ${e.message}`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
}
