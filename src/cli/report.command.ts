/**
 * `hotich report progress --period <week|month> [--unit <mã>] [--campaign <id>] --out <tệp.xlsx|.pdf>`:
 * "Báo cáo tiến độ số hóa sổ hộ tịch" per district and commune, written as
 * xlsx or PDF by the file's extension. The CLI acts as the system (every unit)
 * and builds the report in its own process (the web queues the same work as
 * a 'plans.report' job); its steps (figures read, file written) go to stderr.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Invalid } from '../core/index.js';
import { progressReport, type ReportProgress } from '../plans/index.js';
import { withContext } from './open-context.js';

const STEPS: Record<ReportProgress['phase'], (rows: number) => string> = {
  reading: () => 'Báo cáo: đang tính số liệu tiến độ…',
  writing: (rows) => `Báo cáo: đang ghi tệp (${rows} dòng)…`,
  done: (rows) => `Báo cáo: xong (${rows} dòng).`,
};
const printStep = (p: ReportProgress) => process.stderr.write(`${STEPS[p.phase](p.rows)}\n`);

export function reportCommands(program: Command): void {
  const report = program.command('report').description('báo cáo');
  report
    .command('progress')
    .description('báo cáo tiến độ số hóa sổ hộ tịch theo huyện và xã (xlsx hoặc pdf theo đuôi tệp)')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .option('--period <ky>', 'kỳ báo cáo: week (tuần) hoặc month (tháng)', 'week')
    .option('--unit <ma>', 'mã đơn vị hành chính (tỉnh, huyện hoặc xã)')
    .option('--campaign <id>', 'mã kế hoạch (mặc định: mọi kế hoạch)')
    .requiredOption('--out <tep>', 'tệp kết quả .xlsx hoặc .pdf')
    .action((o: { data?: string; period: string; unit?: string; campaign?: string; out: string }) =>
      withContext(o.data, async (ctx) => {
        if (o.period !== 'week' && o.period !== 'month') throw new Invalid('report.period', 'Kỳ báo cáo phải là week hoặc month.', 'period');
        const format = o.out.toLowerCase().endsWith('.pdf') ? 'pdf' : o.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : undefined;
        if (!format) throw new Invalid('report.format', 'Tệp kết quả phải có đuôi .xlsx hoặc .pdf.', 'out');
        await writeFile(o.out, await progressReport(ctx, { period: o.period, unit: o.unit, campaignId: o.campaign }, format, printStep));
        console.log(`Đã ghi báo cáo tiến độ vào ${o.out}.`);
      }),
    );
}
