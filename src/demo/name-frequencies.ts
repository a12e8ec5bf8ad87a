/**
 * Facts for the demo's synthetic people: how common Vietnamese family names,
 * middle names (by sex and era) and given names are.
 * Source: approximate, from published surname statistics (the commonly cited
 * national shares: Nguyễn ~38 %, Trần ~11 %, Lê ~9.5 %, Phạm ~7 %, Hoàng/Huỳnh
 * ~5 %, Phan ~4.5 %, Vũ/Võ ~3.9 %, Đặng ~2.1 %, Bùi ~2 %, Đỗ ~1.4 %, Hồ ~1.3 %,
 * Ngô ~1.3 %, Dương ~1 %, Lý ~0.5 %); middle and given names are rounded
 * estimates of what registers show, with the well-known drift away from "Thị"
 * and "Văn" in recent decades. Good enough for realistic demo data, not for
 * statistics.
 */

/** [northern spelling, share in percent, southern spelling when it differs]. */
export type FamilyNameShare = readonly [string, number, string?];

export const FAMILY_NAMES: readonly FamilyNameShare[] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5, 'Huỳnh'],
  ['Phan', 4.5],
  ['Vũ', 3.9, 'Võ'],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  // the others, about 10 % together
  ['Đinh', 1.2],
  ['Trịnh', 1],
  ['Đào', 1],
  ['Mai', 0.8],
  ['Lương', 0.8],
  ['Cao', 0.7],
  ['Hà', 0.7],
  ['Tạ', 0.5],
  ['Lâm', 0.5],
  ['Đoàn', 0.6],
  ['Chu', 0.4],
  ['Kiều', 0.3],
  ['Vương', 0.3],
  ['Lưu', 0.4],
  ['Tô', 0.4],
];

/** Birth-year eras with distinct naming habits. */
export type NameEra = 'before1990' | 'from1990' | 'from2005';

export function nameEra(birthYear: number): NameEra {
  if (birthYear < 1990) return 'before1990';
  return birthYear < 2005 ? 'from1990' : 'from2005';
}

type Weighted = readonly (readonly [string, number])[];

export const MIDDLE_NAMES: Record<'male' | 'female', Record<NameEra, Weighted>> = {
  male: {
    before1990: [
      ['Văn', 62],
      ['Đức', 8],
      ['Hữu', 6],
      ['Xuân', 5],
      ['Minh', 5],
      ['Công', 4],
      ['Quang', 4],
      ['Quốc', 3],
      ['Thanh', 3],
      ['Ngọc', 2],
    ],
    from1990: [
      ['Văn', 40],
      ['Đức', 12],
      ['Minh', 10],
      ['Hữu', 6],
      ['Quốc', 6],
      ['Quang', 6],
      ['Công', 5],
      ['Xuân', 4],
      ['Thanh', 4],
      ['Mạnh', 3],
    ],
    from2005: [
      ['Văn', 24],
      ['Minh', 14],
      ['Đức', 12],
      ['Quốc', 8],
      ['Gia', 8],
      ['Bảo', 7],
      ['Quang', 6],
      ['Hoàng', 5],
      ['Hữu', 4],
      ['Đăng', 4],
      ['Trung', 4],
    ],
  },
  female: {
    before1990: [
      ['Thị', 88],
      ['Ngọc', 3],
      ['Thu', 3],
      ['Thanh', 3],
      ['Kim', 2],
      ['Hồng', 1],
    ],
    from1990: [
      ['Thị', 60],
      ['Ngọc', 8],
      ['Thu', 7],
      ['Thanh', 6],
      ['Thùy', 5],
      ['Hồng', 4],
      ['Phương', 4],
      ['Minh', 3],
      ['Kim', 3],
    ],
    from2005: [
      ['Thị', 34],
      ['Ngọc', 10],
      ['Thùy', 8],
      ['Minh', 8],
      ['Phương', 7],
      ['Bảo', 6],
      ['Thu', 6],
      ['Khánh', 5],
      ['Thanh', 5],
      ['Hà', 4],
      ['Mai', 3],
      ['Quỳnh', 3],
    ],
  },
};

/** [given name, weight, era it belongs to]: 'old' names fade after 1990, 'new' ones rise after 2005. */
export type GivenName = readonly [string, number, ('old' | 'new')?];

export const GIVEN_NAMES: Record<'male' | 'female', readonly GivenName[]> = {
  male: [
    ['Hùng', 5, 'old'],
    ['Dũng', 5, 'old'],
    ['Thắng', 4, 'old'],
    ['Bình', 3, 'old'],
    ['Lợi', 2, 'old'],
    ['Tuấn', 5],
    ['Minh', 5],
    ['Hải', 4],
    ['Nam', 4],
    ['Long', 4],
    ['Cường', 4],
    ['Hiếu', 3],
    ['Trung', 3],
    ['Sơn', 4],
    ['Thành', 4],
    ['Quang', 3],
    ['Đức', 3],
    ['Phong', 2],
    ['Tùng', 3],
    ['Anh', 4],
    ['Toàn', 2],
    ['Việt', 2],
    ['Hoàng', 2],
    ['Kiên', 2],
    ['Lâm', 2],
    ['Nghĩa', 2],
    ['Tiến', 3],
    ['Thịnh', 2],
    ['Hưng', 3],
    ['Vinh', 2],
    ['Huy', 3, 'new'],
    ['Khánh', 2, 'new'],
    ['Phúc', 2, 'new'],
    ['Bảo', 2, 'new'],
    ['Khoa', 2, 'new'],
    ['Đạt', 3, 'new'],
    ['Quân', 2, 'new'],
  ],
  female: [
    ['Lan', 4, 'old'],
    ['Hoa', 4, 'old'],
    ['Nga', 3, 'old'],
    ['Loan', 3, 'old'],
    ['Nhung', 2, 'old'],
    ['Oanh', 2, 'old'],
    ['Tuyết', 2, 'old'],
    ['Liên', 2, 'old'],
    ['Hương', 5],
    ['Hằng', 4],
    ['Hà', 4],
    ['Trang', 4],
    ['Thảo', 4],
    ['Mai', 3],
    ['Huyền', 4],
    ['Thủy', 3],
    ['Yến', 3],
    ['Phương', 3],
    ['Ngọc', 2],
    ['Dung', 3],
    ['Hạnh', 3],
    ['Hiền', 3],
    ['Vân', 2],
    ['Thu', 2],
    ['Quỳnh', 2],
    ['Linh', 4, 'new'],
    ['Anh', 3, 'new'],
    ['Vy', 2, 'new'],
    ['Chi', 2, 'new'],
    ['Nhi', 2, 'new'],
    ['Ngân', 2, 'new'],
    ['Trâm', 1, 'new'],
  ],
};

/** How much an 'old' or 'new' given name is boosted or damped in each era. */
export const GIVEN_NAME_ERA_FACTOR: Record<NameEra, { old: number; new: number }> = {
  before1990: { old: 2.5, new: 0.2 },
  from1990: { old: 1, new: 1 },
  from2005: { old: 0.3, new: 2.5 },
};
