/**
 * Cross-field rules of the death register (DOMAIN.md §1.2, §2.1): death
 * between birth and registration (ERRORs), registration type against the
 * deadline in force on the registration date (15 days under Luật Hộ tịch
 * Art. 33 and NĐ 158/2005; deadlines.ts; WARNINGs: the register's own
 * tick-box wins), and the date of the
 * death notice. The foreign block (loaiDangKy 3) is a field requirement.
 */
import { isBefore } from '../vn/index.js';
import type { RecordRule } from './field.js';
import { DEATH_DEADLINES } from './deadlines.js';
import { deadlineRule, finding, readDate } from './rule-helpers.js';

const deathAfterBirth: RecordRule = {
  id: 'kt.death_after_birth',
  description: 'Ngày chết không thể trước ngày sinh của người chết.',
  check({ values }) {
    const birth = readDate(values, 'nktNgaySinh');
    const death = readDate(values, 'nktNgayChet');
    if (!birth || !death || isBefore(death, birth) !== true) return [];
    return [finding('nktNgayChet', 'ERROR', 'kt.death_before_birth', 'Ngày chết trước ngày sinh của người chết. Hãy kiểm tra lại hai ngày này.')];
  },
};

const deathBeforeRegistration: RecordRule = {
  id: 'kt.death_before_registration',
  description: 'Ngày chết không thể sau ngày đăng ký khai tử.',
  check({ values }) {
    const death = readDate(values, 'nktNgayChet');
    const reg = readDate(values, 'ngayDangKy');
    if (!death || !reg || isBefore(reg, death) !== true) return [];
    return [finding('nktNgayChet', 'ERROR', 'kt.death_after_registration', 'Ngày chết sau ngày đăng ký khai tử. Hãy kiểm tra lại hai ngày này.')];
  },
};

const registrationDeadline = deadlineRule({ prefix: 'kt', eventKey: 'nktNgayChet', eventName: 'ngày chết', eras: DEATH_DEADLINES });

const deathNoticeDate: RecordRule = {
  id: 'kt.death_notice_date',
  description: 'Ngày cấp giấy báo tử thường nằm giữa ngày chết và ngày đăng ký khai tử (chỉ cảnh báo).',
  check({ values }) {
    const notice = readDate(values, 'gbtNgay');
    const death = readDate(values, 'nktNgayChet');
    const reg = readDate(values, 'ngayDangKy');
    if (!notice) return [];
    if (death && isBefore(notice, death) === true) {
      return [finding('gbtNgay', 'WARNING', 'kt.notice_before_death', 'Ngày cấp giấy báo tử trước ngày chết. Hãy đối chiếu với sổ.')];
    }
    if (reg && isBefore(reg, notice) === true) {
      return [finding('gbtNgay', 'WARNING', 'kt.notice_after_registration', 'Ngày cấp giấy báo tử sau ngày đăng ký khai tử. Hãy đối chiếu với sổ.')];
    }
    return [];
  },
};

export const KHAI_TU_RULES: readonly RecordRule[] = [deathAfterBirth, deathBeforeRegistration, registrationDeadline, deathNoticeDate];
