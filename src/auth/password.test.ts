/** scrypt hashing: round trip, wrong password, the stored string carries its parameters, rehash detection. */
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, parseHash, SCRYPT_PARAMS, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('Mật khẩu rất dài 2026');
    expect(await verifyPassword('Mật khẩu rất dài 2026', h)).toBe(true);
    expect(await verifyPassword('Mật khẩu rất dài 2027', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });

  it('salts: the same password gives two different strings', async () => {
    expect(await hashPassword('mot-hai-ba-bon')).not.toBe(await hashPassword('mot-hai-ba-bon'));
  });

  it('treats composed and decomposed Vietnamese the same (NFC)', async () => {
    const h = await hashPassword('Hoà bình 2026'.normalize('NFC'));
    expect(await verifyPassword('Hoà bình 2026'.normalize('NFD'), h)).toBe(true);
  });

  it("writes scrypt$N$r$p$salt$hash with today's parameters", async () => {
    const h = await hashPassword('0123456789');
    const parts = h.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    const parsed = parseHash(h)!;
    expect(parsed.salt).toHaveLength(SCRYPT_PARAMS.saltBytes);
    expect(parsed.hash).toHaveLength(SCRYPT_PARAMS.keyBytes);
    expect(needsRehash(h)).toBe(false);
  });

  it('still verifies a hash made with other parameters, and asks for a rehash', async () => {
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync('mat-khau-cu-2019', salt, 32, { N: 1024, r: 8, p: 1 });
    const old = ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    expect(await verifyPassword('mat-khau-cu-2019', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it('refuses malformed or out-of-bounds strings without throwing', async () => {
    for (const bad of ['', 'plain', 'argon2$x', 'scrypt$1000$8$1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA', `scrypt$${2 ** 24}$8$1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA`]) {
      expect(await verifyPassword('0123456789', bad)).toBe(false);
      expect(needsRehash(bad)).toBe(true);
    }
  });
});
