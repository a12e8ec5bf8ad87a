/**
 * `hotich extracts log --unit <mã> --from <yyyy-mm-dd> --to <yyyy-mm-dd> --out <tệp.xlsx>`:
 * the issuance log (Sổ cấp bản sao trích lục) of an authority for a period.
 * `hotich calendar set <yyyy-mm-dd> --off|--work [--name <tên>]`: an exception
 * to the working-day calendar (announced Tết days, compensatory days off,
 * Saturdays made working days); `hotich calendar list [--year <yyyy>]`:
 * the holidays of a year with the exceptions.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Invalid } from '../core/index.js';
import { calendarExceptions, CalendarDayInput, issuanceLogXlsx, setCalendarDay } from '../extracts/index.js';
import { holidaysOf } from '../vn/index.js';
import { withContext } from './open-context.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function need(day: string | undefined, what: string): string {
  if (!day || !DAY.test(day)) throw new Invalid('cli.date', `Cần ${what} dạng yyyy-mm-dd.`);
  return day;
}

export function extractsCommands(program: Command): void {
  program
    .command('extracts')
    .description('bản sao trích lục hộ tịch')
    .command('log')
    .description('lập Sổ cấp bản sao trích lục của một cơ quan trong một khoảng ngày (.xlsx)')
    .requiredOption('--unit <mã>', 'cơ quan cấp: mã đơn vị như API trả về hoặc mã Tổng cục Thống kê')
    .requiredOption('--from <yyyy-mm-dd>', 'từ ngày')
    .requiredOption('--to <yyyy-mm-dd>', 'đến ngày (tính cả ngày này)')
    .requiredOption('--out <tệp>', 'tệp .xlsx sẽ ghi')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .action((o: { unit: string; from: string; to: string; out: string; data?: string }) =>
      withContext(o.data, async (ctx) => {
        await writeFile(o.out, await issuanceLogXlsx(ctx, o.unit, need(o.from, 'ngày bắt đầu'), need(o.to, 'ngày kết thúc')));
        console.log(`Đã ghi Sổ cấp bản sao vào ${o.out}.`);
      }),
    );
  const calendar = program.command('calendar').description('lịch ngày làm việc (ngày lễ, ngày nghỉ bù, ngày làm bù) dùng để tính hạn trả bản sao');
  calendar
    .command('set <day>')
    .description('đặt một ngày là ngày nghỉ (--off) hoặc ngày làm việc (--work)')
    .option('--off', 'ngày nghỉ')
    .option('--work', 'ngày làm việc')
    .option('--name <tên>', 'tên hoặc căn cứ (ví dụ: Thông báo nghỉ Tết số …)', '')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .action((day: string, o: { off?: boolean; work?: boolean; name: string; data?: string }) =>
      withContext(o.data, async (ctx) => {
        if (Boolean(o.off) === Boolean(o.work)) throw new Invalid('cli.calendar_kind', 'Chọn đúng một trong --off (ngày nghỉ) hoặc --work (ngày làm việc).');
        const input = CalendarDayInput.parse({ day, kind: o.off ? 'holiday' : 'workday', name: o.name });
        await setCalendarDay(ctx.store.db, input.day, input.kind, input.name);
        console.log(`Đã đặt ngày ${input.day} là ${input.kind === 'holiday' ? 'ngày nghỉ' : 'ngày làm việc'}.`);
      }),
    );
  calendar
    .command('list')
    .description('các ngày lễ của một năm theo Bộ luật Lao động và các ngày đã đặt riêng')
    .option('--year <yyyy>', 'năm (mặc định năm nay)')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .action((o: { year?: string; data?: string }) =>
      withContext(o.data, async (ctx) => {
        const year = Number(o.year ?? ctx.clock().getFullYear());
        for (const h of holidaysOf(year)) console.log(`${h.day}  nghỉ  ${h.name}`);
        for (const e of (await calendarExceptions(ctx.store.db)).filter((x) => x.day.startsWith(`${year}-`))) console.log(`${e.day}  ${e.kind === 'holiday' ? 'nghỉ' : 'làm việc'}  (đặt riêng)`);
      }),
    );
}
