/**
 * `hotich demo [--data <dir>] [--seed n] [--force | --if-empty]`: fills an empty database
 * with the demo province (synthetic books, scanned-looking pages, part of the
 * registrations keyed). Loads the built-in unit lists first so the books'
 * authorities resolve. Progress on stderr, the summary in Vietnamese on stdout.
 */
import type { Command } from 'commander';
import { Invalid } from '../core/index.js';
import { DEFAULT_DEMO_SEED, runDemo, runDemoIfEmpty, type DemoProgress, type DemoSummary } from '../demo/index.js';
import { ensureBuiltinUnits } from '../units/index.js';
import { withContext } from './open-context.js';

function parseSeed(text: string): number {
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Invalid('cli.bad_seed', `--seed phải là số nguyên từ 0 đến 4294967295, nhận được "${text}".`);
  }
  return seed;
}

const progressLine = (p: DemoProgress): void => {
  process.stderr.write(`${p.book}: trang ${p.page}/${p.pages}\n`);
};

export function printDemoSummary(s: DemoSummary, seconds: number): void {
  console.log(`Đã tạo dữ liệu minh họa (hạt giống ${s.seed}) trong ${seconds.toFixed(1)} giây: ${s.books.length} quyển sổ, ${s.pages} trang, ${s.records} việc đăng ký, đã nhập liệu ${s.keyed}.`);
  for (const b of s.books) {
    const unit = b.authorityUnit ? ` → ${b.authorityUnit.path}` : ' (chưa đối chiếu được với danh mục đơn vị hành chính)';
    const flagged = b.flaggedPages > 0 ? ` (${b.flaggedPages} trang có cảnh báo chất lượng)` : '';
    console.log(`  ${b.title} — ${b.authority}${unit}: ${b.pages} trang${flagged}, ${b.records} việc đăng ký, đã nhập ${b.keyed}.`);
  }
  console.log('Dữ liệu là tổng hợp (không phải người thật); chạy lại với cùng hạt giống sẽ ra đúng dữ liệu này.');
}

export function demoCommands(program: Command): void {
  program
    .command('demo')
    .description('tạo dữ liệu minh họa trong cơ sở dữ liệu trống: 6 quyển sổ của một huyện mẫu, khoảng 40 trang, một phần đã nhập liệu')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .option('--seed <n>', 'hạt giống ngẫu nhiên: cùng hạt giống, cùng dữ liệu', String(DEFAULT_DEMO_SEED))
    .option('--force', 'vẫn tạo khi cơ sở dữ liệu đã có quyển sổ')
    .option('--if-empty', 'chỉ tạo khi cơ sở dữ liệu chưa có quyển sổ nào, nếu đã có thì bỏ qua (không báo lỗi)')
    .action((o: { data?: string; seed: string; force?: boolean; ifEmpty?: boolean }) =>
      withContext(o.data, async (ctx) => {
        const seed = parseSeed(o.seed);
        if (await ensureBuiltinUnits(ctx)) console.error('(Đã nạp danh mục đơn vị hành chính có sẵn vào cơ sở dữ liệu.)');
        const started = performance.now();
        const opts = { seed, onProgress: progressLine };
        const summary = o.ifEmpty && !o.force ? await runDemoIfEmpty(ctx, opts) : await runDemo(ctx, { ...opts, force: o.force === true });
        if (summary) printDemoSummary(summary, (performance.now() - started) / 1000);
        else console.log('Cơ sở dữ liệu đã có quyển sổ; không tạo dữ liệu minh họa.');
      }),
    );
}
