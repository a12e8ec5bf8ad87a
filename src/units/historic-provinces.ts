/**
 * Provinces that no longer existed when the GSO coding of 2004 began, written
 * here as facts (no official dataset covers them), so that a 1985 book still
 * resolves at province level. Each names the years it existed and the
 * provinces that succeeded it, by legacy GSO code or by another historic id;
 * the first successor is the main one (where the provincial seat went).
 * Sources: the National Assembly resolutions on dividing and merging
 * provinces (1975–1996, 2008), as summarised in public encyclopaedias.
 */
import type { SuccessorLink, UnitRecord, UnitRef } from './unit.types.js';

interface HistoricProvince {
  code: string;
  name: string;
  from: string;
  to: string;
  /** Legacy province codes ('02') or historic codes ('HATAY'); the first is main. */
  successors: readonly string[];
}

export const HISTORIC_PROVINCES: readonly HistoricProvince[] = [
  { code: 'HASONBINH', name: 'Tỉnh Hà Sơn Bình', from: '1976', to: '1991', successors: ['HATAY', '17'] },
  { code: 'HATAY', name: 'Tỉnh Hà Tây', from: '1991', to: '2008', successors: ['01'] },
  { code: 'NGHETINH', name: 'Tỉnh Nghệ Tĩnh', from: '1976', to: '1991', successors: ['40', '42'] },
  { code: 'HAIHUNG', name: 'Tỉnh Hải Hưng', from: '1968', to: '1996', successors: ['30', '33'] },
  { code: 'HANAMNINH', name: 'Tỉnh Hà Nam Ninh', from: '1975', to: '1991', successors: ['NAMHA', '37'] },
  { code: 'NAMHA', name: 'Tỉnh Nam Hà', from: '1991', to: '1996', successors: ['36', '35'] },
  { code: 'BINHTRITHIEN', name: 'Tỉnh Bình Trị Thiên', from: '1976', to: '1989', successors: ['46', '44', '45'] },
  { code: 'NGHIABINH', name: 'Tỉnh Nghĩa Bình', from: '1976', to: '1989', successors: ['52', '51'] },
  { code: 'PHUKHANH', name: 'Tỉnh Phú Khánh', from: '1976', to: '1989', successors: ['56', '54'] },
  { code: 'THUANHAI', name: 'Tỉnh Thuận Hải', from: '1976', to: '1992', successors: ['60', '58'] },
  { code: 'CUULONG', name: 'Tỉnh Cửu Long', from: '1976', to: '1991', successors: ['86', '84'] },
  { code: 'HAUGIANGCU', name: 'Tỉnh Hậu Giang', from: '1976', to: '1991', successors: ['92', '94', '93'] },
  { code: 'MINHHAI', name: 'Tỉnh Minh Hải', from: '1976', to: '1996', successors: ['96', '95'] },
  { code: 'SONGBE', name: 'Tỉnh Sông Bé', from: '1976', to: '1996', successors: ['74', '70'] },
  { code: 'HABAC', name: 'Tỉnh Hà Bắc', from: '1962', to: '1996', successors: ['24', '27'] },
  { code: 'VINHPHU', name: 'Tỉnh Vĩnh Phú', from: '1968', to: '1996', successors: ['25', '26'] },
  { code: 'BACTHAI', name: 'Tỉnh Bắc Thái', from: '1965', to: '1996', successors: ['19', '06'] },
  { code: 'HOANGLIENSON', name: 'Tỉnh Hoàng Liên Sơn', from: '1976', to: '1991', successors: ['15', '10'] },
  { code: 'HATUYEN', name: 'Tỉnh Hà Tuyên', from: '1976', to: '1991', successors: ['08', '02'] },
  { code: 'GIALAIKONTUM', name: 'Tỉnh Gia Lai - Kon Tum', from: '1975', to: '1991', successors: ['64', '62'] },
  { code: 'QUANGNAMDANANG', name: 'Tỉnh Quảng Nam - Đà Nẵng', from: '1975', to: '1996', successors: ['48', '49'] },
  { code: 'CAOLANG', name: 'Tỉnh Cao Lạng', from: '1976', to: '1978', successors: ['04', '20'] },
];

function ref(code: string): UnitRef {
  const historic = HISTORIC_PROVINCES.some((p) => p.code === code);
  return { scheme: historic ? 'historic' : 'legacy', level: 'province', code };
}

export function historicUnits(): UnitRecord[] {
  return HISTORIC_PROVINCES.map((p) => ({
    scheme: 'historic',
    level: 'province',
    code: p.code,
    name: p.name,
    kind: 'tinh',
    validFrom: p.from,
    validTo: p.to,
  }));
}

export function historicSuccessors(): SuccessorLink[] {
  return HISTORIC_PROVINCES.flatMap((p) => p.successors.map((s, i) => ({ from: ref(p.code), to: ref(s), main: i === 0 })));
}
