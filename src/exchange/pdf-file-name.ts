/**
 * Names of PDFs inside a delivery zip. A name is one flat file name that every
 * unzip (Windows included) extracts where it should: NFC, no path separators,
 * no `..`, no control or Windows-reserved characters, no reserved device
 * names, ending in `.pdf`, at most 255 UTF-8 bytes. Duplicates are compared
 * after NFC and case folding. Failures are Invalid with a Vietnamese message.
 */
import { Invalid } from '../core/index.js';

const MAX_NAME_BYTES = 255;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f<>:"|?*]/;
const RESERVED_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

function invalid(name: string, why: string): Invalid {
  return new Invalid('exchange.zip_name_invalid', `Tên tệp "${name}" không hợp lệ: ${why}.`, 'name', { name });
}

/** The NFC form of a valid PDF file name; throws Invalid otherwise. */
export function checkPdfFileName(raw: string): string {
  const name = raw.normalize('NFC');
  if (name.trim() === '') throw invalid(name, 'tên tệp trống');
  if (name.includes('..')) throw invalid(name, 'không được chứa ".."');
  if (/[/\\]/.test(name)) throw invalid(name, 'không được chứa dấu "/" hoặc "\\"');
  if (FORBIDDEN_CHARS.test(name)) throw invalid(name, 'chứa ký tự điều khiển hoặc ký tự < > : " | ? *');
  if (name !== name.trim() || name.startsWith('.')) throw invalid(name, 'không được bắt đầu bằng dấu chấm hoặc có khoảng trắng ở đầu hay cuối');
  if (RESERVED_DEVICE.test(name)) throw invalid(name, 'trùng tên thiết bị dành riêng của Windows');
  if (!/\.pdf$/i.test(name)) throw invalid(name, 'phải có đuôi .pdf');
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) throw invalid(name, `dài quá ${MAX_NAME_BYTES} byte`);
  return name;
}

/** Remembers the names admitted to one zip and refuses a second one equal after NFC and case folding. */
export function nameRegistry(): (raw: string) => string {
  const seen = new Set<string>();
  return (raw) => {
    const name = checkPdfFileName(raw);
    const key = name.toLocaleLowerCase('vi');
    if (seen.has(key)) throw new Invalid('exchange.zip_name_duplicate', `Tên tệp "${name}" bị trùng trong tệp nén.`, 'name', { name });
    seen.add(key);
    return name;
  };
}
