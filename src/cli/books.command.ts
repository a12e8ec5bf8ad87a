/**
 * `hotich books add` (inventory a book) and `hotich ingest` (scanner output
 * into a book). With --json each prints one JSON object (the book, or the
 * ingest summary); otherwise Vietnamese text, with progress on stderr.
 */
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { createBook } from '../archive/index.js';
import { Invalid } from '../core/index.js';
import { ingestFiles, type IngestProgress } from '../ingest/index.js';
import { ensureBuiltinUnits } from '../units/index.js';
import { withContext } from './open-context.js';

/** Files named on the command line; folders give their files in name order (scanner output is numbered). */
export function collectFiles(args: readonly string[]): string[] {
  return args.flatMap((arg) => {
    let st;
    try {
      st = statSync(arg);
    } catch {
      throw new Invalid('file.unreadable', `Không tìm thấy tệp hoặc thư mục "${arg}".`);
    }
    if (!st.isDirectory()) return [arg];
    return readdirSync(arg, { withFileTypes: true })
      .filter((d) => d.isFile() && !d.name.startsWith('.'))
      .map((d) => path.join(arg, d.name))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  });
}

function progressLine(p: IngestProgress): void {
  const page = p.page !== undefined && p.pages ? ` trang ${p.page}/${p.pages}` : '';
  process.stderr.write(`[${p.fileIndex + 1}/${p.files}] ${path.basename(p.file)}${page}: ${p.code}\n`);
}

export function booksCommands(program: Command): void {
  const books = program.command('books').description('kiểm kê quyển sổ');
  books
    .command('add')
    .description('thêm một quyển sổ vào danh mục')
    .requiredOption('--type <type>', 'loại sổ: KS, KT, KH, CMC, HN, TDCC, GH, GC, CN')
    .requiredOption('--authority <text>', 'cơ quan đăng ký, ghi như trong sổ')
    .requiredOption('--year <yyyy>', 'năm của sổ')
    .option('--year-to <yyyy>', 'năm cuối, nếu sổ dùng nhiều năm')
    .option('--quyen <no>', 'quyển số', '')
    .option('--pages <n>', 'số trang')
    .option('--condition <c>', 'good | damaged | partly_illegible | missing_pages', 'good')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action((o: Record<string, string | boolean | undefined>) =>
      withContext(o.data as string | undefined, async (ctx) => {
        await ensureBuiltinUnits(ctx); // the authority is resolved against the units
        const book = await createBook(ctx, {
          registerType: o.type, authority: o.authority, yearFrom: o.year, yearTo: o.yearTo, volumeNo: o.quyen, pageCount: o.pages, condition: o.condition,
        });
        if (o.json) console.log(JSON.stringify(book));
        else console.log(`Đã thêm quyển sổ ${book.id}: ${book.title}, ${book.authority}${book.authorityUnit ? ` → ${book.authorityUnit.path}` : ''}.`);
      }),
    );
  program
    .command('ingest <paths...>')
    .description('nhập ảnh quét (JPEG, PNG, TIFF, PDF, ảnh điện thoại) vào một quyển sổ')
    .requiredOption('--book <id>', 'mã quyển sổ')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action((paths: string[], o: { book: string; data?: string; json?: boolean }) =>
      withContext(o.data, async (ctx) => {
        const files = collectFiles(paths).map((f) => ({ name: path.basename(f), load: () => readFile(f) }));
        const summary = await ingestFiles(ctx, o.book, files, progressLine);
        if (o.json) console.log(JSON.stringify(summary));
        else {
          console.log(`Đã nhập ${summary.files.reduce((n, f) => n + f.pages.length, 0)} trang từ ${summary.files.length} tệp.`);
          for (const d of summary.duplicates) console.log(`  trùng: ${d.message}`);
          for (const r of summary.rejected) console.log(`  lỗi: ${r.message}`);
        }
        if (summary.rejected.length > 0) process.exitCode = 1;
      }),
    );
}
