/**
 * PAdES signature of a certified copy (optional): with a PKCS#12 certificate
 * configured (HOTICH_SIGN_P12, HOTICH_SIGN_P12_PASSWORD), the PDF gets a
 * signature placeholder (pdf-lib) and a detached CAdES signature
 * (ETSI.CAdES.detached, the PAdES baseline sub-filter) over its byte ranges
 * (@signpdf). The signer's name and place come from the copy. A bad
 * certificate or passphrase fails the issuance with a clear message, so a
 * copy is never issued half-signed.
 */
import { readFile } from 'node:fs/promises';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import type { PDFDocument } from 'pdf-lib';
import { Invalid } from '../core/index.js';

export interface SigningConfig {
  p12Path: string;
  passphrase: string;
}

export interface SignatureInfo {
  name: string;
  location: string;
  reason: string;
  at: Date;
}

export const PADES_SUBFILTER = 'ETSI.CAdES.detached';

export function addSignaturePlaceholder(doc: PDFDocument, info: SignatureInfo): void {
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: info.reason,
    contactInfo: '',
    name: info.name,
    location: info.location,
    signingTime: info.at,
    subFilter: PADES_SUBFILTER,
    signatureLength: 16_384,
    appName: 'hotich',
  });
}

export async function signPdf(pdf: Buffer, config: SigningConfig, at: Date): Promise<Buffer> {
  const p12 = await readFile(config.p12Path).catch(() => {
    throw new Invalid('extract.signing_file', `Không đọc được tệp chứng thư số ${config.p12Path} (HOTICH_SIGN_P12).`);
  });
  try {
    return await new SignPdf().sign(pdf, new P12Signer(p12, { passphrase: config.passphrase }), at);
  } catch (e) {
    throw new Invalid('extract.signing_failed', `Không ký số được bản sao: ${e instanceof Error ? e.message : String(e)} (kiểm tra tệp chứng thư số và mật khẩu HOTICH_SIGN_P12_PASSWORD).`);
  }
}
