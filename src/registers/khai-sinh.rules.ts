/**
 * Cross-field rules of the birth register (DOMAIN.md §2.1; birth before
 * registration is a common rule): registration type against the legal deadline
 * in force on the registration date (a WARNING: the register's own tick-box wins), re-registration only for pre-2016 events,
 * parents' ages, court annotations.
 */
import { isBefore } from '../vn/index.js';
import type { Finding, RecordRule, RuleContext } from './field.js';
import { BIRTH_DEADLINES } from './deadlines.js';
import { deadlineRule, finding, readDate } from './rule-helpers.js';

/** Deadlines of each era (deadlines.ts): 60 days under Luật Hộ tịch 2014 Art. 15 and NĐ 158/2005, 30 before. */
const registrationDeadline = deadlineRule({ prefix: 'ks', eventKey: 'nksNgaySinh', eventName: 'ngày sinh', eras: BIRTH_DEADLINES });

const reRegistrationBefore2016: RecordRule = {
  id: 'ks.re_registration_pre_2016',
  description: 'Đăng ký lại chỉ áp dụng cho việc khai sinh đã đăng ký trước ngày 01.01.2016.',
  check({ values }) {
    const birth = readDate(values, 'nksNgaySinh');
    if (values.loaiDangKy !== '2' || !birth || birth.year < 2016) return [];
    return [
      finding('loaiDangKy', 'WARNING', 'ks.re_registration_after_2016', 'Đăng ký lại chỉ dành cho việc khai sinh đã đăng ký trước 01.01.2016, nhưng người này sinh từ năm 2016. Hãy đối chiếu với sổ.'),
    ];
  },
};

function parentAge(ctx: RuleContext, prefix: 'me' | 'cha', who: string, min: number, max: number): Finding[] {
  const child = readDate(ctx.values, 'nksNgaySinh');
  const parent = readDate(ctx.values, `${prefix}NgaySinh`);
  if (!child || !parent) return [];
  const age = child.year - parent.year;
  if (age < min || age > max) {
    return [finding(`${prefix}NgaySinh`, 'WARNING', 'ks.parent_age', `${who} khoảng ${age} tuổi khi sinh con (thường từ ${min} đến ${max}). Hãy kiểm tra lại năm sinh.`)];
  }
  return [];
}

const parentsAge: RecordRule = {
  id: 'ks.parents_age',
  description: 'Mẹ thường từ 12 đến 60 tuổi, cha từ 12 đến 90 tuổi khi sinh con (chỉ cảnh báo).',
  check: (ctx) => [...parentAge(ctx, 'me', 'Mẹ', 12, 60), ...parentAge(ctx, 'cha', 'Cha', 12, 90)],
};

function annotation(ctx: RuleContext, statusKey: string, detailKeys: readonly string[]): Finding[] {
  const out: Finding[] = [];
  const filled = detailKeys.filter((k) => ctx.values[k]);
  if (filled.length > 0 && !ctx.values[statusKey]) {
    out.push(finding(statusKey, 'WARNING', 'ks.annotation_status_missing', 'Có ngày hoặc căn cứ ghi chú nhưng chưa chọn "Tuyên bố" hay "Hủy tuyên bố".'));
  }
  const reg = readDate(ctx.values, 'ngayDangKy');
  for (const key of detailKeys.filter((k) => k.includes('NgayGhiChu'))) {
    const d = readDate(ctx.values, key);
    if (d && reg && isBefore(d, reg) === true) {
      out.push(finding(key, 'WARNING', 'ks.annotation_before_registration', 'Ngày ghi chú trước ngày đăng ký khai sinh.'));
    }
  }
  return out;
}

const courtAnnotations: RecordRule = {
  id: 'ks.court_annotations',
  description: 'Ghi chú tuyên bố mất tích / hạn chế năng lực hành vi phải có loại (tuyên bố hay hủy) và ngày sau ngày đăng ký.',
  check: (ctx) => [
    ...annotation(ctx, 'nksMatTich', ['nksMatTichNgayGhiChuTuyenBo', 'nksMatTichCanCuTuyenBo', 'nksMatTichNgayGhiChuHuyTuyenBo', 'nksMatTichCanCuHuyTuyenBo']),
    ...annotation(ctx, 'nksHanCheNangLucHanhVi', [
      'nksHanCheNangLucHanhViNgayGhiChuTuyenBo',
      'nksHanCheNangLucHanhViCanCuTuyenBo',
      'nksHanCheNangLucHanhViNgayGhiChuHuyTuyenBo',
      'nksHanCheNangLucHanhViNgayCanCuHuyTuyenBo',
    ]),
  ],
};

export const KHAI_SINH_RULES: readonly RecordRule[] = [registrationDeadline, reRegistrationBefore2016, parentsAge, courtAnnotations];
