/** Minimal typed fetch helpers for the SPA; errors carry the server's Vietnamese message. */
export interface Health {
  status: string;
  version: string;
  database: 'pglite' | 'postgresql';
}

export interface TemplateSummary {
  id: string;
  registerType: string;
  title: string;
  source: string;
  columns: number;
  current: boolean;
}

/** An HTTP error answered by the server: its status, stable code, Vietnamese message and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function parse<T>(res: Response, url: string): Promise<T> {
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(res.status, error?.code ?? '', error?.message ?? `Lỗi ${res.status} khi tải ${url}`, error?.details);
  }
  return body as T;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return parse<T>(await fetch(url, { signal }), url);
}

export async function sendJson<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal });
  return res.status === 204 ? (undefined as T) : parse<T>(res, url);
}
