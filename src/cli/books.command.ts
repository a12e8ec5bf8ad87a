/**
 * `hotich books add` (inventory a book), `hotich books list` (the book list
 * with the API's filters and page shape) and `hotich ingest` (scanner output
 * into a book). With --json each prints one JSON object (the book, or the
 * ingest summary); otherwise Vietnamese text, with progress on stderr.
 */
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { createBook, listBooks, type BookPage, type BookView } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
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

export interface BooksListOptions {
  unit?: string | undefined;
  type?: string | undefined;
  year?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  /** One page of this many books (with its nextCursor); without it, every matching book. */
  limit?: string | undefined;
  cursor?: string | undefined;
}

/** The books `hotich books list` prints: the API's page shape ({items, nextCursor}), every page followed unless --limit is given. */
export async function runBooksList(ctx: ActorContext, o: BooksListOptions): Promise<BookPage> {
  const filter = { unit: o.unit, type: o.type, year: o.year, status: o.status, q: o.q };
  if (o.limit !== undefined) return listBooks(ctx, { ...filter, limit: o.limit, cursor: o.cursor });
  const items: BookView[] = [];
  let cursor: string | undefined = o.cursor;
  do {
    const page = await listBooks(ctx, { ...filter, limit: 200, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { items, nextCursor: null };
}

function bookLine(b: BookView): string {
  const years = b.yearTo !== null && b.yearTo !== b.yearFrom ? `${b.yearFrom}–${b.yearTo}` : `${b.yearFrom}`;
  const unit = b.authorityUnit ? b.authorityUnit.path : 'chưa xác định đơn vị';
  const p = b.progress;
  return `${b.id}  ${b.title} · năm ${years} · ${b.authority} (${unit}) · trạng thái ${b.status}${p ? ` · ${p.pagesScanned} trang, ${p.recordsKeyed} bản ghi, ${p.recordsCompleted} hoàn thành` : ''}`;
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
          registerType: o.type,
          authority: o.authority,
          yearFrom: o.year,
          yearTo: o.yearTo,
          volumeNo: o.quyen,
          pageCount: o.pages,
          condition: o.condition,
        });
        if (o.json) console.log(JSON.stringify(book));
        else console.log(`Đã thêm quyển sổ ${book.id}: ${book.title}, ${book.authority}${book.authorityUnit ? ` → ${book.authorityUnit.path}` : ''}.`);
      }),
    );
  books
    .command('list')
    .description('liệt kê quyển sổ (mới nhất trước), lọc theo đơn vị, loại sổ, năm, trạng thái')
    .option('--unit <unit>', 'đơn vị hành chính ở mọi cấp, kể cả đơn vị cũ (mã như API hoặc mã Tổng cục Thống kê); gồm cả sổ của các đơn vị trực thuộc')
    .option('--type <type>', 'loại sổ: KS, KT, KH, CMC, HN, TDCC, GH, GC, CN')
    .option('--year <yyyy>', 'sổ có năm này')
    .option('--status <status>', 'trạng thái sổ (nhiều trạng thái cách nhau bởi dấu phẩy)')
    .option('--q <text>', 'chữ có trong cơ quan đăng ký, quyển số hoặc ghi chú (không cần dấu)')
    .option('--limit <n>', 'chỉ một trang n quyển (1–200), kèm nextCursor')
    .option('--cursor <id>', 'tiếp tục sau quyển này (nextCursor của trang trước)')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON, cùng dạng với GET /api/books')
    .action((o: BooksListOptions & { data?: string; json?: boolean }) =>
      withContext(o.data, async (ctx) => {
        const page = await runBooksList(ctx, o);
        if (o.json) console.log(JSON.stringify(page));
        else {
          for (const b of page.items) console.log(bookLine(b));
          console.log(page.items.length === 0 ? 'Không có quyển sổ nào khớp.' : `${page.items.length} quyển sổ.`);
          if (page.nextCursor) console.log(`Còn nữa: thêm --cursor ${page.nextCursor}`);
        }
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
