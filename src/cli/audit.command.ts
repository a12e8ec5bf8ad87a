/**
 * `hotich audit verify [--expect <chuỗi>:<stt>:<băm>…] [--json]`: re-computes
 * the audit hash chains and names the first broken row of each; exit 1 when
 * a chain is broken. `hotich audit head [--json]`: each chain's head, to
 * publish or sign. `hotich audit checkpoint [--verbose] [--json]`: stores
 * today's heads as the day's checkpoint (run nightly) and prints a summary
 * (how many chains, the base chains' heads); one line per book chain only
 * with --verbose (a province moves thousands of book chains a day); --json
 * holds every checkpoint.
 */
import type { Command } from 'commander';
import { chainBook, chainLog, headLine, listAuditHeads, parseHeadLine, takeCheckpoint, verifyAuditChains, vietnamDay, type ChainHead, type Checkpoint, type VerifyReport } from '../audit/index.js';
import type { AppContext } from '../core/index.js';
import { withContext } from './open-context.js';

const n = (v: number | string): string => Number(v).toLocaleString('vi-VN');

export async function runAuditVerify(ctx: AppContext, expect: readonly string[] = []): Promise<VerifyReport> {
  const anchors = expect.map(parseHeadLine);
  return verifyAuditChains(ctx.store.db, { anchors });
}

export function verifyText(r: VerifyReport): string[] {
  const lines = r.chains.map((c) => {
    if (!c.ok) return `✗ Chuỗi "${c.chainId}" (${c.label}): HỎNG sau ${n(c.rows)} dòng đúng.\n  ${c.problem!.message}`;
    return `✓ Chuỗi "${c.chainId}" (${c.label}): ${n(c.rows)} dòng, toàn vẹn. Đầu chuỗi: ${headLine(c.head!)}`;
  });
  lines.push(r.ok ? 'Kết quả: mọi chuỗi kiểm toán toàn vẹn.' : 'Kết quả: chuỗi kiểm toán KHÔNG toàn vẹn — dữ liệu nhật ký đã bị sửa hoặc xóa trực tiếp trong cơ sở dữ liệu.');
  return lines;
}

export const headText = (heads: ChainHead[]): string[] =>
  heads.map((h) => `${headLine(h)}  (${n(h.seq)} dòng; dòng cuối: ${h.rowTable ? `${h.rowTable} #${h.rowId}` : 'chưa có'}; cập nhật ${h.updatedAt})`);

const checkpointLine = (c: Checkpoint): string => `Điểm mốc ngày ${c.day}: ${headLine(c)} (ghi lúc ${c.takenAt})`;

/** The day's checkpoints: counts and the base chains' lines; every book chain's line only when verbose. */
export function checkpointText(day: string, cps: readonly Checkpoint[], verbose = false): string[] {
  const books = cps.filter((c) => chainBook(c.chainId) !== undefined);
  const ofLog = (log: string) => books.filter((c) => chainLog(c.chainId) === log).length;
  const lines = [
    `Điểm mốc ngày ${day}: ${n(cps.length)} chuỗi — ${n(cps.length - books.length)} chuỗi gốc, ${n(books.length)} chuỗi của quyển sổ đã thay đổi từ điểm mốc trước (${n(ofLog('actions'))} thao tác ghi, ${n(ofLog('access'))} truy cập).`,
    ...cps.filter((c) => chainBook(c.chainId) === undefined).map(checkpointLine),
  ];
  if (verbose) lines.push(...books.map(checkpointLine));
  else if (books.length > 0) lines.push(`Chi tiết ${n(books.length)} chuỗi của quyển sổ: thêm --verbose (hoặc --json).`);
  return lines;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

export function auditCommands(program: Command): void {
  const audit = program.command('audit').description('chuỗi kiểm toán chống sửa đổi: kiểm tra, đầu chuỗi, điểm mốc hằng ngày');
  audit
    .command('verify')
    .description('tính lại chuỗi băm của nhật ký thao tác và nhật ký truy cập; chỉ ra dòng hỏng đầu tiên; mã thoát 1 nếu hỏng')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .option('--expect <chuoi:stt:bam>', 'đầu chuỗi đã công bố trước đây, phải còn khớp (lặp lại được)', collect, [])
    .option('--json', 'in kết quả dạng JSON')
    .action((o: { data?: string; expect: string[]; json?: boolean }) =>
      withContext(o.data, async (ctx) => {
        const report = await runAuditVerify(ctx, o.expect);
        console.log(o.json ? JSON.stringify(report, null, 2) : verifyText(report).join('\n'));
        process.exitCode = report.ok ? 0 : 1;
      }),
    );
  audit
    .command('head')
    .description('in đầu chuỗi hiện tại của mỗi chuỗi (để công bố hoặc ký số)')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .option('--json', 'in kết quả dạng JSON')
    .action((o: { data?: string; json?: boolean }) =>
      withContext(o.data, async (ctx) => {
        const heads = await listAuditHeads(ctx.store.db);
        console.log(o.json ? JSON.stringify({ heads }, null, 2) : headText(heads).join('\n'));
      }),
    );
  audit
    .command('checkpoint')
    .description('ghi đầu chuỗi hôm nay làm điểm mốc (chạy hằng đêm); đã có điểm mốc hôm nay thì giữ nguyên')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .option('--verbose', 'in từng chuỗi của quyển sổ (mặc định chỉ in số lượng và các chuỗi gốc)')
    .option('--json', 'in kết quả dạng JSON (mọi điểm mốc)')
    .action((o: { data?: string; json?: boolean; verbose?: boolean }) =>
      withContext(o.data, async (ctx) => {
        const now = ctx.clock();
        const cps = await takeCheckpoint(ctx.store.db, now);
        console.log(o.json ? JSON.stringify({ checkpoints: cps }, null, 2) : checkpointText(vietnamDay(now), cps, o.verbose).join('\n'));
      }),
    );
}
