/**
 * The Content-Disposition of a download: an ASCII fallback name (other
 * characters and quotes replaced by `_`) for old clients, and the exact NFC
 * name in RFC 5987 form (`filename*=UTF-8''…`) for every current browser.
 */
export function attachment(name: string): string {
  const nfc = name.normalize('NFC');
  return `attachment; filename="${nfc.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(nfc)}`;
}
