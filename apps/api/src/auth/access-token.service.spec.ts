import { randomBytes } from 'node:crypto';
import { deriveSigningKey, signAccessToken, verifyAccessToken } from './access-token.service';

const claims = { sub: 'u1', ws: 'w1', role: 'agent' as const, email: 'a@example.com', name: 'A', locale: 'en' };

describe('access tokens', () => {
  const key = deriveSigningKey(randomBytes(32));

  it('round-trips the claims', () => {
    const token = signAccessToken(key, claims, 1_000_000);
    const check = verifyAccessToken(key, token, 1_000_000 + 60_000);
    expect(check).toMatchObject({ ok: true, claims: { ...claims, iat: 1000, exp: 1900 } });
  });

  it('refuses expired, tampered, foreign-key and malformed tokens', () => {
    const token = signAccessToken(key, claims, 1_000_000);
    expect(verifyAccessToken(key, token, 1_000_000 + 15 * 60_000)).toEqual({ ok: false, reason: 'expired' });
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'admin' })).toString(
      'base64url',
    );
    expect(verifyAccessToken(key, `${header}.${forged}.${signature}`, 1_000_000)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyAccessToken(deriveSigningKey(randomBytes(32)), token, 1_000_000)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyAccessToken(key, 'not-a-token', 1_000_000)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyAccessToken(key, `${header}.${payload}`, 1_000_000)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('derives different keys from different secrets and the same key from the same one', () => {
    const secret = randomBytes(32);
    expect(deriveSigningKey(secret).equals(deriveSigningKey(secret))).toBe(true);
    expect(deriveSigningKey(secret).equals(secret)).toBe(false);
  });
});
