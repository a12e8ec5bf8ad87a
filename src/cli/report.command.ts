/**
 * `hotich report progress --period <week|month> [--unit <mã>] [--campaign <id>] --out <tệp.xlsx|.pdf>`:
 * "Báo cáo tiến độ số hóa sổ hộ tịch" per district and commune, written as
 * xlsx or PDF by the file's extension. The CLI acts as the system (every unit)
 * and builds the report in its own process (the web queues the same work as
 * a 'plans.report' job); its steps (figures read, file written) go to stderr.
 * `hotich report reminders [--days 7] [--campaign <id>] [--send]`: what is due or late per responsible
 * organization; says when no SMTP server is configured; --send queues the e-mails (the server's worker sends them).
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Invalid } from '../core/index.js';
import { listReminders, progressReport, startReminderMail, type ReportProgress } from '../plans/index.js';
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
  report
    .command('reminders')
    .description('việc đến hạn và quá hạn theo đơn vị chịu trách nhiệm; --send: gửi e-mail nhắc việc')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .option('--days <n>', 'đến hạn trong số ngày', '7')
    .option('--campaign <id>', 'mã kế hoạch (mặc định: mọi kế hoạch)')
    .option('--send', 'xếp hàng gửi e-mail nhắc việc (cần HOTICH_SMTP_URL; máy chủ hotich gửi)')
    .action((o: { data?: string; days: string; campaign?: string; send?: boolean }) =>
      withContext(o.data, async (ctx) => {
        const days = Number(o.days);
        if (!Number.isInteger(days) || days < 0 || days > 365) throw new Invalid('reminders.days', 'Số ngày phải là số nguyên từ 0 đến 365.', 'days');
        const r = await listReminders(ctx, { days, campaignId: o.campaign });
        if (r.organizations.length === 0) console.log(`Không có việc nào đến hạn trong ${days} ngày hoặc quá hạn.`);
        for (const org of r.organizations) {
          console.log(`${org.organizationName}:`);
          for (const i of org.items)
            console.log(
              `  - ${i.unitName} — ${i.label}: hạn ${i.deadline.split('-').reverse().join('/')} (${i.daysLeft < 0 ? `quá hạn ${-i.daysLeft} ngày` : `còn ${i.daysLeft} ngày`})${i.person ? `, ${i.person}` : ''}`,
            );
        }
        if (!r.mail.configured) {
          console.log(r.mail.message);
          if (o.send) process.exitCode = 2;
        } else if (o.send) {
          const { jobId } = await startReminderMail(ctx, { days, campaignId: o.campaign });
          console.log(`Đã xếp hàng gửi e-mail nhắc việc (công việc #${jobId}); máy chủ hotich (hotich serve) sẽ gửi và thử lại khi lỗi.`);
        } else console.log('Thêm --send để gửi e-mail nhắc việc.');
      }),
    );
}
