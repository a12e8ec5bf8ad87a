/** The shapes the books screens read from the API (mirrors archive's BookView / PageView). */
export interface Book {
  id: string;
  registerType: string;
  templateId: string;
  title: string;
  authority: string;
  authorityUnit: { id: string; path: string } | null;
  yearFrom: number;
  volumeNo: string;
  condition: string;
  progress?: { pagesScanned: number; recordsKeyed: number; recordsCompleted: number };
}

export interface Page {
  id: string;
  seq: number;
  status: string;
  width: number | null;
  height: number | null;
  dpiAtA4: number | null;
  flags: string[];
  note: string;
}

export interface IngestSummary {
  files: { name: string; pages: Page[] }[];
  duplicates: { name: string; message: string }[];
  rejected: { name: string; message: string }[];
}

/** Stable codes from the server, translated here and only here. */
export const FLAG_LABELS: Record<string, string> = {
  'quality.low_resolution': 'Độ phân giải thấp',
  'quality.blank': 'Trang trắng',
  'quality.near_duplicate': 'Gần trùng trang khác',
};

export const PAGE_STATUS_LABELS: Record<string, string> = { present: 'Có ảnh', missing: 'Thiếu trang', blank: 'Trang trắng' };
