/**
 * Vietnamese country names beyond the CLDR list shipped by i18n-iso-countries:
 * display names where CLDR gives a long formal or unusual form ("Hợp chủng
 * quốc Hoa Kỳ" -> "Hoa Kỳ"), and aliases seen in registers and in the MoJ
 * picklist, whose names are phonetic transliterations ("Ô-xtrây-li-a",
 * "Ác-hen-ti-na") or common short names ("Mỹ", "Úc", "Nga").
 */

/** Display names that replace CLDR's first name (the CLDR names stay as aliases). */
export const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  US: 'Hoa Kỳ', LA: 'Lào', MY: 'Malaysia', PS: 'Palestine', IR: 'Iran', SY: 'Syria',
  TZ: 'Tanzania', VA: 'Vatican', MD: 'Moldova', BN: 'Brunei',
};

/** Other names, keyed by ISO 3166-1 alpha-2. */
export const EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = {
  VN: ['Cộng hòa xã hội chủ nghĩa Việt Nam', 'Vietnam'],
  US: ['Mỹ', 'Hoa Kì', 'Hợp chủng quốc Hoa Kỳ'],
  JP: ['Nhật'],
  KR: ['Đại Hàn', 'Đại Hàn Dân Quốc', 'Nam Hàn', 'Nam Triều Tiên'],
  KP: ['Bắc Triều Tiên', 'Bắc Hàn', 'Cộng hòa Dân chủ Nhân dân Triều Tiên'],
  CN: ['Trung Hoa', 'Cộng hòa Nhân dân Trung Hoa'],
  TW: ['Trung Quốc (Đài Loan)', 'Đài Loan (Trung Quốc)'],
  HK: ['Hồng Công', 'Trung Quốc (Hồng Công)', 'Hong Kong'],
  MO: ['Ma-cao', 'Macao', 'Trung Quốc (Ma-cao)'],
  LA: ['Ai Lao'],
  KH: ['Căm-pu-chia', 'Cao Miên', 'Kampuchia'],
  AU: ['Ô-xtrây-li-a', 'Australia'],
  RU: ['Nga', 'Liên Xô'],
  GB: ['Anh', 'Vương quốc Liên hiệp Anh và Bắc Ireland'],
  DE: ['Cộng hòa Liên bang Đức'],
  CZ: ['Séc', 'Tiệp Khắc'],
  IT: ['I-ta-li-a', 'Italia'],
  AR: ['Ác-hen-ti-na'], AM: ['Ác-mê-ni-a'], AZ: ['A-déc-bai-gian'], IE: ['Ai-len'],
  IS: ['Ai-xơ-len'], AL: ['An-ba-ni'], AD: ['An-đô-ra'], DZ: ['An-giê-ri'], AT: ['Áo'],
  AF: ['Áp-ga-ni-xtan'], AE: ['A-rập thống nhất', 'Các Tiểu vương quốc A-rập Thống nhất'],
  SA: ['A-rập Xê-út', 'Ả Rập Xê Út'], AO: ['Ăng-gô-la'], BD: ['Băng-la-đét'], BY: ['Bê-la-rút'],
  BO: ['Bô-li-vi-a'], BA: ['Bô-xni-a Héc-dê-gô-vi-na'], BR: ['Bra-xin'], BN: ['Bru-nây'],
  BG: ['Bun-ga-ri'], CM: ['Ca-mơ-run'], CA: ['Ca-na-đa'], QA: ['Ca-ta'], CL: ['Chi-lê'],
  CO: ['Cô-lôm-bi-a'], CR: ['Cô-xta Ri-ca'], HR: ['Crô-a-ti-a'], CU: ['Cu-ba'],
  KG: ['Cư-rơ-gư-dơ-xtan'], TL: ['Đông Ti-mo', 'Đông Timor'], EC: ['Ê-cu-a-đo'], EE: ['Ê-xtô-ni-a'],
  ET: ['Ê-ti-ô-pi-a'], GH: ['Gha-na'], JO: ['Gioóc-đa-ni'], GE: ['Gru-di-a'], HU: ['Hung-ga-ry'],
  ID: ['In-đô-nê-xi-a'], IR: ['I-ran'], IQ: ['I-rắc'], IL: ['Ix-ra-en'], KZ: ['Ca-dắc-xtan'],
  KE: ['Kê-ni-a'], LV: ['Lát-vi-a'], LB: ['Li-băng'], LY: ['Li-bi'], LT: ['Lít-va'],
  LU: ['Lúc-xăm-bua'], MY: ['Ma-lai-xi-a', 'Mã Lai', 'Bán đảo Mã Lai'], MK: ['Ma-xê-đô-ni-a'],
  MX: ['Mê-hi-cô'], MM: ['Mi-an-ma', 'Miến Điện'], MZ: ['Mô-dăm-bích'], MD: ['Môn-đô-va'],
  NP: ['Nê-pan'], NZ: ['Niu Di-lân'], NE: ['Ni-giê'], NG: ['Ni-giê-ri-a'], OM: ['Ô-man'],
  PK: ['Pa-ki-xtan'], PS: ['Pa-le-xtin'], PA: ['Pa-na-ma'], PE: ['Pê-ru'], PH: ['Phi-líp-pin'],
  PG: ['Pa-pu-a Niu Ghi-nê'], RO: ['Ru-ma-ni', 'Romania'], SG: ['Xinh-ga-po'],
  SK: ['Xlô-va-ki-a'], SI: ['Xlô-ven-ni-a'], LK: ['Xri Lan-ca'], SY: ['Xy-ri'], YE: ['Y-ê-men'],
  UA: ['U-crai-na'], UZ: ['U-dơ-bê-ki-xtan'], UY: ['U-ru-goay'], VE: ['Vê-nê-xu-ê-la'],
  RS: ['Xéc-bi-a'], SD: ['Xu-đăng'], TN: ['Tuy-ni-di'], TJ: ['Tát-gi-ki-xtan'],
  TM: ['Tuốc-mê-ni-xtan'], CI: ['Cốt-đi-voa'], SN: ['Xê-nê-gan'], TZ: ['Tan-da-ni-a'],
  UG: ['U-gan-đa'], ZM: ['Dăm-bi-a'], ZW: ['Dim-ba-bu-ê'], ML: ['Ma-li'], MG: ['Ma-đa-gát-xca'],
  RW: ['Ru-an-đa'], SO: ['Xô-ma-li'], CV: ['Cáp-ve'], BT: ['Bu-tan'], MV: ['Man-đi-vơ'],
  BH: ['Ba-ranh'], CY: ['Síp'], MT: ['Man-ta'], FJ: ['Phi-gi'], KW: ['Cô oét'],
  CD: ['Cộng hòa dân chủ Công-gô'], DO: ['Đô-mi-ni-ca-na'], DM: ['Đô-mi-ni-ca'],
  GR: ['Hy Lạp'], IN: ['Ấn Độ'], MN: ['Mông Cổ'], TH: ['Thái Lan'], TR: ['Thổ Nhĩ Kỳ'],
  SE: ['Thụy Điển'], CH: ['Thụy Sĩ', 'Thụy Sỹ'], BE: ['Bỉ'], NL: ['Hà Lan'], NO: ['Na Uy'],
  DK: ['Đan Mạch'], FI: ['Phần Lan'], PL: ['Ba Lan'], PT: ['Bồ Đào Nha'], ES: ['Tây Ban Nha'],
  ZA: ['Nam Phi'], EG: ['Ai Cập'],
};
