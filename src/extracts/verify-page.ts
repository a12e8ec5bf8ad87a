/**
 * The verification page as server-rendered HTML (no script, so it opens on
 * any phone and passes the CSP): the status in words, the copy's lines as
 * printed, the notice that this is the province system's check.
 */
import { placeAndDate } from './printed-copy.js';
import type { Verification } from './verify.service.js';

import { createHash } from 'node:crypto';

const STYLE = 'body{font-family:system-ui,sans-serif;max-width:46rem;margin:1rem auto;padding:0 1rem;line-height:1.5}.ok{color:#0a6b2d}.bad{color:#a30000}li{margin:.2rem 0}small{color:#555}';
/** The page's own policy: nothing but its one style element. */
export const VERIFY_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function verifyPageHtml(v: Verification): string {
  const p = v.printed;
  const status =
    v.status === 'valid'
      ? '<p class="ok"><strong>Bản sao còn hiệu lực.</strong></p>'
      : `<p class="bad"><strong>Bản sao đã bị thu hồi</strong> ngày ${esc(v.revokedAt!.slice(0, 10))}. Lý do: ${esc(v.revokeReason ?? '')}</p>`;
  const lines = p.lines.map((l) => `<li>${l.map((x) => `${esc(x.label)}: <b>${esc(x.value)}</b>`).join(' — ')}</li>`).join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Kiểm tra bản sao số ${esc(v.number)}</title>
<style>${STYLE}</style></head>
<body><h1>Kiểm tra bản sao ${esc(p.title)} (BẢN SAO)</h1>${status}
<p>Số: <b>${esc(v.number)}</b> — Cơ quan cấp: <b>${esc(p.issuer.authority)}</b>, ${esc(p.issuer.province)} — ${esc(placeAndDate(p.place, p.issuedOn))}</p>
<p>Số đăng ký: ${esc(p.registration.so)}${p.registration.quyenSo ? `, Quyển số: ${esc(p.registration.quyenSo)}` : ''}${p.registration.ngayDangKy ? `, ngày đăng ký: ${esc(p.registration.ngayDangKy)}` : ''}</p>
<ul>${lines}</ul><p>${esc(p.source)}</p><p>Người ký: ${esc(p.signer.title.replace(/\n/g, ' '))} ${esc(p.signer.name)}</p>
<p><small>${esc(v.notice)} Mã SHA-256 của tệp PDF đã cấp: ${esc(v.pdfSha256)}</small></p></body></html>`;
}

export function verifyNotFoundHtml(message: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy bản sao</title></head><body><h1>Không tìm thấy bản sao</h1><p>${esc(message)}</p></body></html>`;
}
