/**
 * `hotich audit verify [--expect <chuỗi>:<stt>:<băm>…] [--json]`: re-computes
 * the audit hash chains and names the first broken row of each; exit 1 when
 * a chain is broken. `hotich audit head [--json]`: each chain's head, to
 * publish or sign. `hotich audit checkpoint [--json]`: stores today's heads
 * as the day's checkpoint (run nightly) and prints them.
 */
import type { Command } from 'commander';
import { headLine, listAuditHeads, parseHeadLine, takeCheckpoint, verifyAuditChains, type ChainHead, type Checkpoint, type VerifyReport } from '../audit/index.js';
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

const checkpointText = (cps: Checkpoint[]): string[] => cps.map((c) => `Điểm mốc ngày ${c.day}: ${headLine(c)} (ghi lúc ${c.takenAt})`);

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
    .option('--json', 'in kết quả dạng JSON')
    .action((o: { data?: string; json?: boolean }) =>
      withContext(o.data, async (ctx) => {
        const cps = await takeCheckpoint(ctx.store.db, ctx.clock());
        console.log(o.json ? JSON.stringify({ checkpoints: cps }, null, 2) : checkpointText(cps).join('\n'));
      }),
    );
}
