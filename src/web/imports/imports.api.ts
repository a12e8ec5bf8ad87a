/** The import screen's calls: the server's own types (type-only imports) and the raw-body upload. */
import { ApiError } from '../shared/index.js';
import type { ImportView } from '../../exchange/index.js';

export type { ImportView } from '../../exchange/index.js';
export type { BookView as Book } from '../../archive/index.js';

/**
 * Sends the file as the request body; resolves with the import whether it
 * went in (201) or was refused row by row (422, with the error report).
 * fixEncoding applies the legacy-font / look-alike conversions the report offered.
 */
export async function uploadImport(file: File, bookId: string, fixEncoding = false): Promise<ImportView> {
  const query = new URLSearchParams({ filename: file.name, ...(bookId ? { bookId } : {}), ...(fixEncoding ? { fixEncoding: '1' } : {}) });
  const res = await fetch(`/api/imports?${query.toString()}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
  const body: unknown = await res.json().catch(() => undefined);
  if (res.status === 201 || res.status === 422) return body as ImportView;
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new ApiError(res.status, error?.code ?? '', error?.message ?? `Lỗi ${res.status} khi nhập tệp.`);
}
