/**
 * The 54 ethnic groups of Viet Nam with their GSO codes 01–54 (order of QĐ
 * 121-TCTK/PPCĐ 1979 as listed in DOMAIN §5.3; some lists order the tail as
 * 52 Rơ Măm, 53 Brâu, 54 Ơ Đu, so check against the GSO/MoJ list before
 * exchanging codes), plus 55 "Người nước ngoài".
 * Aliases are the other names found in old books and in the MoJ picklist
 * ("Mông (Mèo)", "Dao (Mán)", "RaGlay"...). A name listed under several
 * groups (Thổ, Xá, Trại, Chil, Hạ, Ca-tang, Xá Khao, Xá Lá Vàng) is
 * deliberately ambiguous: "Thổ" is group 24 but was also used for the Tày in
 * the North and the Khơ-me in the South.
 */

export interface EthnicGroup {
  code: string;
  name: string;
  aliases: readonly string[];
}

const g = (code: string, name: string, ...aliases: string[]): EthnicGroup => ({ code, name, aliases });

export const ETHNIC_GROUPS: readonly EthnicGroup[] = [
  g('01', 'Kinh', 'Việt', 'Kinh (Việt)'),
  g('02', 'Tày', 'Thổ', 'Ngạn', 'Phén', 'Thù Lao', 'Pa Dí', 'Tày Khao'),
  g('03', 'Thái', 'Tày Đăm', 'Tày Thanh', 'Tày Mười', 'Tày Mường', 'Hàng Tổng', 'Pa Thay', 'Thổ Đà Bắc', 'Mán Thanh'),
  g('04', 'Hoa', 'Hán', 'Triều Châu', 'Phúc Kiến', 'Quảng Đông', 'Hải Nam', 'Xạ Phạng', 'Hạ'),
  g('05', 'Khơ-me', 'Khmer', 'Khơme', 'Khơ-me Krôm', 'Khmer Krom', 'Cur', 'Cul', 'Miên', 'Việt gốc Miên', 'Thổ'),
  g('06', 'Mường', 'Mol', 'Mual', 'Ao Tá', 'Ậu Tá'),
  g('07', 'Nùng', 'Xuồng', 'Nùng An', 'Phàn Sinh', 'Nùng Cháo', 'Nùng Lòi', 'Quý Rim', 'Khèn Lài'),
  g('08', 'Mông', 'HMông', "H'Mông", 'Hơ Mông', 'Mèo', 'Mèo Xanh', 'Mèo Đỏ', 'Mèo Đen', 'Ná Mẻo', 'Mán Trắng'),
  g(
    '09',
    'Dao',
    'Mán',
    'Động',
    'Trại',
    'Dìu Miền',
    'Kiềm Miền',
    'Quần Trắng',
    'Dao Đỏ',
    'Quần Chẹt',
    'Lô Giang',
    'Dao Tiền',
    'Thanh Y',
    'Lan Tẻn',
    'Đại Bản',
    'Tiểu Bản',
    'Cóc Ngáng',
    'Cóc Mùn',
    'Sơn Đầu',
  ),
  g('10', 'Gia-rai', 'Jarai', 'Jrai', 'Giơ-rai', 'Chơ-rai', 'Tơ-buăn', 'Hơ-bau', 'Hđrung', 'Chor'),
  g('11', 'Ngái', 'Xín', 'Lê', 'Đản', 'Khách Gia'),
  g('12', 'Ê-đê', 'Ede', 'Rhade', 'Ra-đê', 'Đê', 'Kpạ', 'A-đham', 'Krung', 'Ktul', 'Đliê Ruê', 'Blô', 'Epan', 'Mđhur', 'Bih'),
  g('13', 'Ba Na', 'Bahnar', 'Tơ-lô', 'Giơ-lâng', 'Y-lăng', 'Rơ-ngao', 'Krem', 'Roh', 'ConKđe', 'A-la Công', 'Kpăng Công', 'Bơ-nâm'),
  g('14', 'Xơ-Đăng', 'Sedang', 'Xơ-teng', 'Tơ-đra', 'Mơ-nâm', 'Ha-lăng', 'Ca-dong', 'Kmrâng', 'Con Lan', 'Bri-la'),
  g('15', 'Sán Chay', 'Cao Lan', 'Sán Chỉ', 'Mán Cao Lan', 'Hờn Bạn', 'Sơn Tử'),
  g('16', 'Cơ-ho', "K'Ho", 'Kơ Ho', 'Koho', 'Xrê', 'Nốp', 'Tu-lốp', 'Cơ-don', 'Chil', 'Lát', 'Lạch', 'Trinh'),
  g('17', 'Chăm', 'Chàm', 'Cham', 'Chiêm Thành', 'Hroi'),
  g('18', 'Sán Dìu', 'Sán Déo', 'Sán Dẻo', 'Trại', 'Trại Đất', 'Quần Cộc', 'Mán Quần Cộc'),
  g('19', 'Hrê', "H're", 'Chăm Rê', 'Chom', 'Krẹ Lũy'),
  g('20', 'Mnông', "M'Nông", 'Pnông', 'Nông', 'Pré', 'Bu-đâng', 'ĐiPri', 'Biat', 'Gar', 'Rơ-lam', 'Chil'),
  g('21', 'Ra-glai', 'RaGlay', 'Ra-clây', 'Rai', 'Noang', 'La-oang'),
  g('22', 'Xtiêng', 'Stiêng', "X'tiêng", 'Xa-điêng'),
  g('23', 'Bru-Vân Kiều', 'Bru', 'Vân Kiều', 'Măng Coong', 'Tri Khùa'),
  g('24', 'Thổ', 'Kẹo', 'Mọn', 'Cuối', 'Họ', 'Đan Lai', 'Ly Hà', 'Tày Pọng', 'Con Kha', 'Xá Lá Vàng'),
  g('25', 'Giáy', 'Nhắng', 'Dẩng', 'Pầu Thìn Nu Nà', 'Cùi Chu'),
  g('26', 'Cơ-tu', 'Ca-tu', 'Katu', 'Cao', 'Phương', 'Hạ', 'Ca-tang'),
  g('27', 'Gié Triêng', 'Giẻ-Triêng', 'Đgiéh', 'Tareb', 'Giang Rẫy Pin', 'Triêng', 'Treng', 'Ta-riêng', 'Ve', 'Veh', 'La-ve', 'Bnoong', 'Ca-tang'),
  g('28', 'Mạ', 'Châu Mạ', 'Mạ Ngăn', 'Mạ Xóp', 'Mạ Tô', 'Mạ Krung'),
  g('29', 'Khơ-mú', 'Khmu', 'Kmhmu', 'Xá Cẩu', 'Mứn Xen', 'Pu Thênh', 'Tềnh', 'Tày Hay', 'Xá'),
  g('30', 'Co', 'Cor', 'Col', 'Cùa', 'Trầu'),
  g('31', 'Tà-ôi', 'Ta Oi', 'Pa-cô', 'Pa-hi', 'Ba-hi', 'Tôi-ôi'),
  g('32', 'Chơ-ro', 'Dơ-ro', 'Châu-ro'),
  g('33', 'Kháng', 'Xá Khao', 'Xá Súa', 'Xá Dón', 'Xá Dẩng', 'Xá Hốc', 'Xá Ái', 'Xá Bung', 'Quảng Lâm', 'Xá'),
  g('34', 'Xinh-mun', 'Puộc', 'Pụa', 'Xá'),
  g('35', 'Hà Nhì', 'U Ni', 'Xá U Ni'),
  g('36', 'Chu-ru', 'Chơ-ru', 'Chu'),
  g('37', 'Lào', 'Là Bốc', 'Lào Nọi'),
  g('38', 'La Chí', 'Cù Tê', 'La Quả'),
  g('39', 'La Ha', 'Xá Khao', 'Khlá Phlạo', 'Xá'),
  g('40', 'Phù Lá', 'Bồ Khô Pạ', 'Mu Di Pạ Xá', 'Phó', 'Phổ', 'Va Xơ'),
  g('41', 'La Hủ', 'Pu Đang', 'Khù Xung', 'Cò Xung', 'Khả Quy'),
  g('42', 'Lự', 'Lừ', 'Nhuồn', 'Duôn'),
  g('43', 'Lô Lô', 'Mun Di'),
  g('44', 'Chứt', 'Rục', 'Sách', 'Mày', 'Mã Liềng', 'A-rem', 'Tu Vang', 'Pa-leng', 'Xơ-lang', 'Tơ-hung', 'Chà-củi', 'Tắc-củi', 'U-mo', 'Xá Lá Vàng'),
  g('45', 'Mảng', 'Mảng Ư', 'Xá Lá Vàng', 'Xá'),
  g('46', 'Pà Thẻn', 'Pà Hưng', 'Tống'),
  g('47', 'Cơ Lao'),
  g('48', 'Cống', 'Xắm Khống', 'Mấng Nhé', 'Xá Xeng'),
  g('49', 'Bố Y', 'Chủng Chá', 'Trọng Gia', 'Tu Di', 'Tu Dìn'),
  g('50', 'Si La', 'Cù Dề Xừ', 'Khả Pẻ'),
  g('51', 'Pu Péo', 'Ka Pèo', 'Pen Ti Lô Lô'),
  g('52', 'Brâu', 'Brao'),
  g('53', 'Ơ Đu', 'Tày Hạt'),
  g('54', 'Rơ Măm'),
  g('55', 'Người nước ngoài', 'Nước ngoài', 'Ngoại quốc'),
];

/** "Khác" (another group, as in the MoJ picklist): accepted as exact, with an empty code. */
export const ETHNICITY_OTHER: EthnicGroup = g('', 'Khác', 'Dân tộc khác');
