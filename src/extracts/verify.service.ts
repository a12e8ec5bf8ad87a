/**
 * The public verification of a copy (the QR code's address): only what the
 * copy prints, its status (valid, or revoked with the reason and date), the
 * issuing office and the issue date — nothing else of the record. An unknown
 * token is not found. Anyone may ask; nobody is signed in.
 */
import { NotFound, type AppContext } from '../core/index.js';
import * as repo from './extracts.repo.js';
import type { PrintedCopy } from './printed-copy.js';

export interface Verification {
  status: 'valid' | 'revoked';
  number: string;
  issuedAt: string;
  issuer: string;
  revokedAt: string | null;
  revokeReason: string | null;
  printed: PrintedCopy;
  pdfSha256: string;
  notice: string;
}

export const VERIFY_NOTICE = 'Đây là trang kiểm tra của hệ thống số hóa sổ hộ tịch của tỉnh, không phải Cơ sở dữ liệu hộ tịch điện tử toàn quốc của Bộ Tư pháp.';

export async function verifyCopy(ctx: AppContext, token: string): Promise<Verification> {
  const row = /^[A-Za-z0-9_-]{22,64}$/.test(token) ? await repo.findCopyByToken(ctx.store.db, token) : undefined;
  if (!row) throw new NotFound('extract.verify_not_found', 'Không tìm thấy bản sao ứng với mã kiểm tra này. Bản sao có thể không do hệ thống này cấp.');
  const printed = row.printed as unknown as PrintedCopy;
  return {
    status: row.revoked_at ? 'revoked' : 'valid',
    number: row.number,
    issuedAt: row.issued_at.toISOString(),
    issuer: printed.issuer.authority,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokeReason: row.revoked_at ? row.revoke_reason : null,
    printed,
    pdfSha256: row.pdf_sha256,
    notice: VERIFY_NOTICE,
  };
}
