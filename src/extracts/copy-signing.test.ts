/**
 * PAdES: a copy signed with a certificate the test makes; OpenSSL verifies
 * the detached CAdES signature over the PDF's byte ranges against that
 * certificate, a changed byte breaks it, and the text and QR code survive.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfQr, pdfText } from '../../test/support/pdf-read.js';
import { testCertificate } from '../../test/support/test-certificate.js';
import { getTemplate } from '../registers/index.js';
import { CLEAN_KS_RECORD } from '../../test/support/records.js';
import { COPY_LAYOUTS } from './copy-layouts.js';
import { renderCopyPdf } from './copy-pdf.js';
import { printedCopy } from './printed-copy.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-pades-'));
const URL = 'https://hotich.example.gov.vn/verify/AbCdEfGhIjKlMnOpQrStUvWx';

/** Writes the signature (DER, without the placeholder's zero padding) and the signed bytes; OpenSSL's verdict. */
function opensslVerify(pdf: Buffer, certPem: string): boolean {
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'))!.slice(1).map(Number) as [number, number, number, number];
  const [a, b, c, d] = range;
  const hex = pdf.subarray(a + b + 1, c - 1).toString('latin1');
  const der = Buffer.from(hex, 'hex');
  const length = der[1] === 0x82 ? 4 + der.readUInt16BE(2) : der[1] === 0x83 ? 5 + der.readUIntBE(2, 3) : 2 + der[1]!;
  writeFileSync(path.join(dir, 'sig.der'), der.subarray(0, length));
  writeFileSync(path.join(dir, 'content.bin'), Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]));
  writeFileSync(path.join(dir, 'cert.pem'), certPem);
  try {
    execFileSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-inform',
        'DER',
        '-in',
        path.join(dir, 'sig.der'),
        '-binary',
        '-content',
        path.join(dir, 'content.bin'),
        '-CAfile',
        path.join(dir, 'cert.pem'),
        '-purpose',
        'any',
        '-out',
        '/dev/null',
      ],
      { stdio: 'pipe' },
    );
    return true;
  } catch (e) {
    if (process.env.DEBUG_PADES) console.log(String((e as { stderr?: Buffer }).stderr));
    return false;
  }
}

describe('PAdES signature of a certified copy', () => {
  let cert: { p12: Buffer; certPem: string };
  beforeAll(() => {
    cert = testCertificate('UBND xa Vu Hoi', 'mat-khau-chung-thu');
    writeFileSync(path.join(dir, 'ky.p12'), cert.p12);
  });
  const printed = () =>
    printedCopy(COPY_LAYOUTS.KS!, getTemplate('KS-70'), CLEAN_KS_RECORD, {
      issuer: { province: 'Tỉnh Thái Bình', authority: 'UBND Xã Vũ Hội' },
      number: '5/2026/GKS-BS',
      place: 'Vũ Hội',
      issuedOn: '2026-12-04',
      book: { volumeNo: '02/2008' },
      pageNo: '55',
      signer: { title: 'CHỦ TỊCH', name: 'Trần Văn Ký' },
    });

  it('signs with ETSI.CAdES.detached; OpenSSL verifies it, a changed byte breaks it; text and QR stay readable', async () => {
    const pdf = await renderCopyPdf(printed(), URL, { config: { p12Path: path.join(dir, 'ky.p12'), passphrase: 'mat-khau-chung-thu' }, at: new Date('2026-12-04T03:00:00Z') });
    expect(pdf.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(opensslVerify(pdf, cert.certPem)).toBe(true);
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('GKS-BS');
    tampered[at] = 'X'.charCodeAt(0);
    expect(opensslVerify(tampered, cert.certPem)).toBe(false);
    expect(await pdfText(pdf)).toContain('Số: 5/2026/GKS-BS');
    expect(await pdfQr(pdf)).toBe(URL);
  }, 60_000);

  it('refuses a wrong passphrase or a missing file with a clear message, issuing nothing half-signed', async () => {
    await expect(renderCopyPdf(printed(), URL, { config: { p12Path: path.join(dir, 'ky.p12'), passphrase: 'sai' }, at: new Date() })).rejects.toMatchObject({ code: 'extract.signing_failed' });
    await expect(renderCopyPdf(printed(), URL, { config: { p12Path: path.join(dir, 'khong-co.p12'), passphrase: '' }, at: new Date() })).rejects.toMatchObject({ code: 'extract.signing_file' });
  });

  it('leaves an unsigned copy without a signature field', async () => {
    expect((await renderCopyPdf(printed(), URL)).toString('latin1')).not.toContain('/ByteRange');
  });
});
