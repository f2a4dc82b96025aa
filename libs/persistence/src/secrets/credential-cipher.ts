/**
 * Credentials at rest: AES-256-GCM with a random 96-bit nonce, stored as `v1.<nonce>.<tag>.<ciphertext>`
 * (base64url). The key comes from OTKLIK_SECRET_KEY; decrypted values are never logged or returned by the API.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export class CredentialCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the credential key must be 32 bytes');
  }

  encrypt(value: Record<string, string>): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return ['v1', nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  decrypt(stored: string | null): Record<string, string> {
    if (!stored) return {};
    const [version, nonce, tag, data] = stored.split('.');
    if (version !== 'v1' || !nonce || !tag || data === undefined) throw new Error('stored credentials are not in a known format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return JSON.parse(Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8'));
    } catch {
      throw new Error('stored credentials cannot be decrypted with this OTKLIK_SECRET_KEY');
    }
  }
}
