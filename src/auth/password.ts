/**
 * Password hashing with scrypt (node:crypto, no dependency). The stored
 * string carries its own parameters — `scrypt$N$r$p$salt$hash`, salt and
 * hash in unpadded base64 — so the cost can be raised later: old hashes still
 * verify, and `needsRehash` tells when to store a new one (done at login).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, saltBytes: 16, keyBytes: 64 } as const;

/** Bounds for parameters read back from a stored string (a corrupt row must not exhaust memory). */
const LIMITS = { maxN: 2 ** 20, maxR: 32, maxP: 16, maxKey: 256 } as const;

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function derive(password: string, salt: Buffer, keyBytes: number, o: { N: number; r: number; p: number }): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is exactly that for N=2^15, r=8, which OpenSSL refuses.
  const options: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 256 * o.N * o.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const b64 = (b: Buffer): string => b.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, saltBytes, keyBytes } = SCRYPT_PARAMS;
  const salt = randomBytes(saltBytes);
  const hash = await derive(password, salt, keyBytes, { N, r, p });
  return ['scrypt', N, r, p, b64(salt), b64(hash)].join('$');
}

const isPow2 = (n: number): boolean => Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;

/** Reads a stored hash string; undefined when it is not a well-formed scrypt string within bounds. */
export function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((x) => (/^\d{1,8}$/.test(x) ? Number(x) : NaN)) as [number, number, number];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  const ok = isPow2(N) && N <= LIMITS.maxN && r >= 1 && r <= LIMITS.maxR && p >= 1 && p <= LIMITS.maxP;
  if (!ok || salt.length < 8 || hash.length < 16 || hash.length > LIMITS.maxKey) return undefined;
  return { N, r, p, salt, hash };
}

/** True when the password matches; false for a wrong password or an unreadable hash. Constant-time comparison. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.hash.length, parsed);
  return timingSafeEqual(key, parsed.hash);
}

/** True when the stored hash was made with weaker parameters than today's (or is unreadable). */
export function needsRehash(stored: string): boolean {
  const h = parseHash(stored);
  const want = SCRYPT_PARAMS;
  return !h || h.N < want.N || h.r < want.r || h.p < want.p || h.salt.length < want.saltBytes || h.hash.length < want.keyBytes;
}
