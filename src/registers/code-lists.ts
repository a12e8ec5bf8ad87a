/**
 * Code lists of the MoJ templates ("Ghi chu" sheet) and of the registers whose
 * official template has not been published (proposals, DOMAIN.md §1).
 * A code is stored and exported as its text ('1', '2', …). A value keyed as
 * the option's label ("Nam", "nữ"), a common other name ("Nam giới") or the
 * code with a leading zero ("01") is an alias: resolveCode names its code.
 */
import { compactKey } from '../vn/index.js';
export interface CodeOption {
  code: string;
  label: string;
}

const list = (...labels: string[]): readonly CodeOption[] => labels.map((label, i) => ({ code: String(i + 1), label }));

export const CODE_LISTS = {
  /** KS loaiDangKy, "Ghi chu" of the official template. */
  loaiDangKyKhaiSinh: list(
    'Đăng ký đúng hạn',
    'Đăng ký lại',
    'Ghi vào sổ việc khai sinh đã đăng ký ở cơ quan có thẩm quyền nước ngoài',
    'Đăng ký quá hạn',
    'Cấp bản chính giấy khai sinh',
    'Không xác định',
  ),
  gioiTinh: list('Nam', 'Nữ', 'Không xác định'),
  loaiGiayToTuyThan: list(
    'Giấy CMND',
    'Hộ chiếu',
    'Thẻ thường trú',
    'Thẻ căn cước công dân',
    'Giấy chứng minh quân đội nhân dân',
    'Giấy chứng minh sĩ quan quân đội',
    'Giấy chứng minh công an nhân dân',
    'Giấy tờ khác',
  ),
  tuyenBo: list('Tuyên bố', 'Hủy tuyên bố'),
  loaiKhaiSinh: list('Đã xác định được cả cha lẫn mẹ', 'Chưa xác định được mẹ', 'Chưa xác định được cha', 'Chưa xác định được cả cha lẫn mẹ', 'Trẻ bị bỏ rơi'),
  loaiCuTru: list('Thường trú', 'Tạm trú'),
  /** KT loaiDangKy: 1–4 from vendor code; 6 "Không xác định" by analogy with KS (DOMAIN.md §1). */
  loaiDangKyKhaiTu: [...list('Đăng ký đúng hạn', 'Đăng ký lại', 'Ghi vào sổ việc khai tử đã đăng ký ở cơ quan có thẩm quyền nước ngoài', 'Đăng ký quá hạn'), { code: '6', label: 'Không xác định' }],
  loaiGiayBaoTu: list(
    'Giấy báo tử',
    'Giấy xác nhận thi hành án tử hình',
    'Bản án, quyết định của Tòa án tuyên bố đã chết',
    'Văn bản xác nhận của công an hoặc kết quả giám định pháp y',
    'Văn bản xác định nguyên nhân chết của cơ sở y tế',
    'Biên bản xác nhận việc chết',
    'Văn bản xác nhận của người làm chứng',
  ),
  loaiDangKyKetHon: list('Đăng ký lần đầu', 'Đăng ký lại', 'Ghi vào sổ việc kết hôn đã đăng ký ở nước ngoài'),
  mucDichXacNhanHonNhan: list(
    'Đăng ký kết hôn trong nước với người Việt Nam',
    'Đăng ký kết hôn trong nước với người nước ngoài',
    'Đăng ký kết hôn ở nước ngoài với người Việt Nam',
    'Đăng ký kết hôn ở nước ngoài với người nước ngoài',
    'Mục đích khác',
  ),
  loaiXacNhanChaMeCon: list('Cha nhận con', 'Mẹ nhận con', 'Con nhận cha', 'Con nhận mẹ'),
  loaiDangKyChaMeCon: list('Đăng ký mới', 'Ghi vào sổ việc nhận cha, mẹ, con đã đăng ký ở nước ngoài'),
  loaiThayDoi: list('Thay đổi', 'Cải chính', 'Bổ sung', 'Xác định lại dân tộc', 'Ghi vào sổ theo bản án, quyết định'),
  loaiGiamHo: list('Giám hộ cử', 'Giám hộ đương nhiên', 'Ghi vào sổ việc giám hộ đã đăng ký ở nước ngoài'),
  loaiDangKyGiamHo: list('Đăng ký giám hộ', 'Đăng ký chấm dứt giám hộ', 'Đăng ký thay đổi giám hộ'),
  loaiViecGhiChu: list('Ly hôn', 'Hủy việc kết hôn trái pháp luật', 'Việc hộ tịch khác đã giải quyết ở nước ngoài'),
  loaiDangKyNuoiConNuoi: list('Đăng ký nuôi con nuôi trong nước', 'Đăng ký lại', 'Ghi vào sổ việc nuôi con nuôi đã giải quyết ở nước ngoài'),
} as const satisfies Record<string, readonly CodeOption[]>;

export type CodeListId = keyof typeof CODE_LISTS;

export function codeLabel(listId: CodeListId, code: string): string | undefined {
  return CODE_LISTS[listId].find((o) => o.code === code)?.label;
}

/** Other names keyed for some options, by list and code. */
const EXTRA_ALIASES: Partial<Record<CodeListId, Readonly<Record<string, readonly string[]>>>> = {
  gioiTinh: { '1': ['Nam giới', 'Trai', 'Con trai', 'Male'], '2': ['Nữ giới', 'Gái', 'Con gái', 'Female'], '3': ['Không rõ', 'Chưa xác định'] },
};

/** The option a keyed value stands for: exact code, or an alias of one; undefined when none. */
export function resolveCode(listId: CodeListId, value: string): { option: CodeOption; exact: boolean } | undefined {
  const options: readonly CodeOption[] = CODE_LISTS[listId];
  const exact = options.find((o) => o.code === value);
  if (exact) return { option: exact, exact: true };
  const key = compactKey(value);
  if (key === '') return undefined;
  const byNumber = /^\d+$/.test(value) ? options.find((o) => Number(o.code) === Number(value)) : undefined;
  const aliases = EXTRA_ALIASES[listId] ?? {};
  const byName = options.find((o) => compactKey(o.label) === key || (aliases[o.code] ?? []).some((a) => compactKey(a) === key));
  const option = byNumber ?? byName;
  return option && { option, exact: false };
}
