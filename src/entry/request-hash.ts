/**
 * The fingerprint of a write request (SHA-256 of its canonical JSON: keys
 * sorted, undefined left out), stored in the payload of the actions it
 * wrote. A replay of the same client_tx_id must carry the same fingerprint,
 * else it is refused (record-writer assertSameRequest) instead of silently
 * answering with the old state.
 */
import { createHash } from 'node:crypto';

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => [k, canonical(x)]),
    );
  }
  return v;
}

export function requestHash(input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex');
}
