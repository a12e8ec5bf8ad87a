/**
 * What kind of file was given for import, from its first bytes (never from
 * its name alone): an xlsx (a zip), a CSV (text), or something we refuse with
 * a Vietnamese reason. An OLE/CFB container (D0 CF 11 E0) is either a
 * password-protected xlsx (it holds an "EncryptedPackage" stream) or a legacy
 * Excel 97-2003 .xls; we say which.
 */
import { Invalid } from '../core/index.js';

export type ImportFileKind = 'xlsx' | 'csv';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

const KNOWN_BINARY: readonly [Buffer, string][] = [
  [Buffer.from('%PDF'), 'tệp PDF'],
  [Buffer.from([0xff, 0xd8, 0xff]), 'ảnh JPEG'],
  [Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'ảnh PNG'],
  [Buffer.from([0x1f, 0x8b]), 'tệp nén gzip'],
  [Buffer.from('Rar!'), 'tệp nén RAR'],
];

function refuseCfb(bytes: Buffer): never {
  if (bytes.includes(ENCRYPTED_PACKAGE)) {
    throw new Invalid(
      'import.encrypted',
      'Tệp Excel được đặt mật khẩu (sổ làm việc đã mã hóa) nên không đọc được. Hãy mở tệp bằng Excel, bỏ mật khẩu ' +
        '(Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi nhập.',
      'file',
    );
  }
  throw new Invalid('import.legacy_xls', 'Tệp là Excel 97-2003 (.xls), định dạng cũ chưa được hỗ trợ. Hãy mở bằng Excel và lưu thành "Sổ làm việc Excel (.xlsx)" rồi nhập.', 'file');
}

const looksLikeText = (head: Buffer) => !head.includes(0) || head.subarray(0, 2).equals(Buffer.from([0xff, 0xfe]));

export function sniffImportFile(fileName: string, bytes: Buffer): ImportFileKind {
  if (bytes.length === 0) throw new Invalid('import.empty_file', `Tệp "${fileName}" rỗng (0 byte).`, 'file');
  if (bytes.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (bytes.subarray(0, 8).equals(CFB)) refuseCfb(bytes);
  const known = KNOWN_BINARY.find(([magic]) => bytes.subarray(0, magic.length).equals(magic));
  if (known) throw notTable(fileName, known[1]);
  if (looksLikeText(bytes.subarray(0, 4096))) return 'csv';
  throw notTable(fileName, 'tệp nhị phân không rõ loại');
}

function notTable(fileName: string, what: string): Invalid {
  return new Invalid('import.not_table', `Tệp "${fileName}" là ${what}, không phải Excel (.xlsx) hay CSV. Chỉ nhập được tệp theo mẫu Excel của Bộ Tư pháp hoặc CSV.`, 'file');
}
