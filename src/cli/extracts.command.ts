/**
 * `hotich extracts issue <recordId> --unit <mã> --user <login> --signer-name … --signer-title … [--place …] [--copies n] [--request <id>] [--out <tệp.pdf>]`:
 * issues a certified copy as the named officer (her scope and permission),
 * printing each step on stderr while the PDF is rendered (and signed), then
 * the number and the verification address; --out writes the PDF.
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
import { contextOfUser, findUserByLogin } from '../auth/index.js';
import { NotFound } from '../core/index.js';
import { calendarExceptions, CalendarDayInput, copyPdf, issuanceLogXlsx, issueCopy, setCalendarDay } from '../extracts/index.js';
import { holidaysOf } from '../vn/index.js';
import { withContext } from './open-context.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function need(day: string | undefined, what: string): string {
  if (!day || !DAY.test(day)) throw new Invalid('cli.date', `Cần ${what} dạng yyyy-mm-dd.`);
  return day;
}

interface IssueOptions {
  unit: string;
  user: string;
  signerName: string;
  signerTitle: string;
  place?: string;
  copies: string;
  request?: string;
  out?: string;
  data?: string;
}

function issueCommand(extracts: Command): void {
  extracts
    .command('issue <recordId>')
    .description('cấp bản sao trích lục (bản sao Giấy khai sinh…) từ một bản ghi, in từng bước khi dựng PDF')
    .requiredOption('--unit <mã>', 'cơ quan cấp: mã đơn vị hoặc mã Tổng cục Thống kê')
    .requiredOption('--user <login>', 'cán bộ cấp bản sao (dùng quyền và phạm vi của người này)')
    .requiredOption('--signer-name <tên>', 'họ tên người ký')
    .requiredOption('--signer-title <chức vụ>', 'chức vụ người ký (xuống dòng bằng \\n, ví dụ "KT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH")')
    .option('--place <nơi>', 'địa danh ghi ở dòng ngày cấp (mặc định tên đơn vị cấp)')
    .option('--copies <n>', 'số bản', '1')
    .option('--request <id>', 'yêu cầu cấp bản sao của công dân')
    .option('--out <tệp.pdf>', 'ghi tệp PDF')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .action((recordId: string, o: IssueOptions) =>
      withContext(o.data, async (ctx) => {
        const user = await findUserByLogin(ctx, o.user);
        if (!user) throw new NotFound('user.not_found', `Không có người dùng "${o.user}".`);
        const officer = await contextOfUser(ctx, user.id, 'cli');
        const input = {
          issuingUnitId: o.unit,
          signerName: o.signerName,
          signerTitle: o.signerTitle,
          copies: Number(o.copies),
          ...(o.place ? { place: o.place } : {}),
          ...(o.request ? { requestId: o.request } : {}),
        };
        const copy = await issueCopy(officer, recordId, input, (p) => process.stderr.write(`  ${p.label}…\n`));
        if (o.out) await writeFile(o.out, (await copyPdf(officer, copy.id)).pdf);
        console.log(`Đã cấp bản sao số ${copy.number}. Trang kiểm tra: ${copy.verifyUrl}${o.out ? `. Tệp PDF: ${o.out}` : ''}`);
      }),
    );
}

export function extractsCommands(program: Command): void {
  const extracts = program.command('extracts').description('bản sao trích lục hộ tịch');
  issueCommand(extracts);
  extracts
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
