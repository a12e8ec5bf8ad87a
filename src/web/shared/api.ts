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

async function parse<T>(res: Response, url: string): Promise<T> {
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const message = (body as { error?: { message?: string } } | undefined)?.error?.message;
    throw new Error(message ?? `Lỗi ${res.status} khi tải ${url}`);
  }
  return body as T;
}

export async function getJson<T>(url: string): Promise<T> {
  return parse<T>(await fetch(url), url);
}

export async function sendJson<T>(method: 'POST' | 'PATCH' | 'PUT', url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return res.status === 204 ? (undefined as T) : parse<T>(res, url);
}
