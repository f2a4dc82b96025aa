/**
 * Short-lived access tokens: a JWT-shaped `header.payload.signature` (base64url) signed with HMAC-SHA256.
 * The signing key is derived from the runtime secret with HKDF, so the credential-encryption key itself
 * never signs anything. Stateless by design: revocation is by expiry (15 minutes) and refresh rotation.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from '@otklik/persistence';
import { RUNTIME, type Runtime } from '@otklik/runtime';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export interface AccessClaims {
  sub: string;
  ws: string;
  role: Role;
  email: string;
  name: string;
  locale: string;
  iat: number;
  exp: number;
}

export type TokenCheck = { ok: true; claims: AccessClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export function deriveSigningKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.from('otklik-access-token'), Buffer.from('hs256 signing key v1'), 32));
}

export function signAccessToken(
  key: Buffer,
  claims: Omit<AccessClaims, 'iat' | 'exp'>,
  now = Date.now(),
  ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
): string {
  const iat = Math.floor(now / 1000);
  const payload = Buffer.from(JSON.stringify({ ...claims, iat, exp: iat + ttlSeconds })).toString('base64url');
  const signature = createHmac('sha256', key).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

function isClaims(value: unknown): value is AccessClaims {
  const claims = value as AccessClaims;
  return (
    typeof claims === 'object' &&
    claims !== null &&
    typeof claims.sub === 'string' &&
    typeof claims.ws === 'string' &&
    (ROLES as readonly string[]).includes(claims.role) &&
    typeof claims.email === 'string' &&
    typeof claims.name === 'string' &&
    typeof claims.exp === 'number' &&
    typeof claims.iat === 'number'
  );
}

export function verifyAccessToken(key: Buffer, token: string, now = Date.now()): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER || !parts[1] || !parts[2]) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', key).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!isClaims(claims)) return { ok: false, reason: 'malformed' };
  if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { ...claims, locale: typeof claims.locale === 'string' ? claims.locale : 'ru' } };
}

@Injectable()
export class AccessTokenService {
  private readonly key: Buffer;

  constructor(@Inject(RUNTIME) runtime: Runtime) {
    this.key = deriveSigningKey(runtime.secretKey);
  }

  sign(claims: Omit<AccessClaims, 'iat' | 'exp'>, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): string {
    return signAccessToken(this.key, claims, Date.now(), ttlSeconds);
  }

  verify(token: string): TokenCheck {
    return verifyAccessToken(this.key, token);
  }
}
