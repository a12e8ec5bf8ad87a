/**
 * The ways an ingest can end early. Each is a stable code (the web layer and
 * the archive key on it) with a Vietnamese message template; `{file}` becomes
 * the cleaned file name in quotes, plus the page number when one page is at
 * fault. Stages throw `StopIngest`; nothing else in ingest is meant for users.
 */

export const INGEST_ERRORS = {
  'ingest.empty': 'Tệp {file} rỗng (0 byte), không có gì để nhập.',
  'ingest.unsupported_type': 'Tệp {file} không phải ảnh quét (JPEG, PNG, TIFF, WebP, HEIC) hay PDF. Định dạng được nhận biết theo nội dung tệp, không theo phần mở rộng của tên.',
  'ingest.too_many_pages': 'Tệp {file} có {pages} trang, vượt giới hạn {max} trang một tệp. Hãy tách tệp rồi tải lên lại.',
  'ingest.pdf_no_pages': 'Tệp PDF {file} không có trang nào.',
  'ingest.pdf_encrypted': 'Tệp PDF {file} được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu (hoặc in lại thành PDF mới) rồi tải lên lại.',
  'ingest.pdf_corrupt': 'Tệp PDF {file} bị hỏng hoặc không đầy đủ (có thể việc tải lên bị ngắt giữa chừng). Hãy tải lên lại tệp gốc.',
  'ingest.heic_unsupported':
    'Không đọc được ảnh HEIC {file}: máy chủ không giải mã được định dạng này. Hãy xuất ảnh sang JPEG (trên iPhone: Cài đặt › Camera › Định dạng › Tương thích nhất) rồi tải lên lại.',
  'ingest.image_too_large': 'Ảnh {file} quá lớn: {width} × {height} điểm ảnh, vượt giới hạn {max} triệu điểm ảnh. Hãy quét lại với độ phân giải thấp hơn.',
  'ingest.image_corrupt': 'Ảnh {file} bị hỏng hoặc bị cắt cụt, không đọc được. Hãy quét hoặc chụp lại rồi tải lên lại.',
} as const;

export type IngestErrorCode = keyof typeof INGEST_ERRORS;

/** Values a template may use besides the file name; `page` is 1-based. */
export interface IngestErrorParams {
  page?: number;
  pages?: number;
  width?: number;
  height?: number;
  max?: number;
}

/** Thrown by a stage to end the ingest; `message` is Vietnamese and names the file. */
export class StopIngest extends Error {
  override readonly name = 'StopIngest';

  constructor(
    readonly code: IngestErrorCode,
    message: string,
    readonly params: IngestErrorParams & { fileName: string },
  ) {
    super(message);
  }
}

/** Builds the StopIngest for `code` about the file `fileName` (already cleaned). */
export function stopIngest(code: IngestErrorCode, fileName: string, params: IngestErrorParams = {}): StopIngest {
  const file = params.page === undefined ? `“${fileName}”` : `“${fileName}” (trang ${params.page})`;
  const values: Record<string, string> = { file };
  for (const [key, value] of Object.entries(params)) if (value !== undefined) values[key] = String(value);
  const message = INGEST_ERRORS[code].replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);
  return new StopIngest(code, message, { ...params, fileName });
}
