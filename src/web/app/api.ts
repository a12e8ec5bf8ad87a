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

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const message = (body as { error?: { message?: string } } | undefined)?.error?.message;
    throw new Error(message ?? `Lỗi ${res.status} khi tải ${url}`);
  }
  return body as T;
}
