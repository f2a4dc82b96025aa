import { randomBytes } from 'node:crypto';
import { CredentialCipher } from './credential-cipher';

describe('credential cipher', () => {
  it('round-trips and never stores the plain value', () => {
    const cipher = new CredentialCipher(randomBytes(32));
    const stored = cipher.encrypt({ token: 'vk1.a.secret-token' });
    expect(stored).not.toContain('secret-token');
    expect(cipher.decrypt(stored)).toEqual({ token: 'vk1.a.secret-token' });
    expect(cipher.encrypt({ token: 'x' })).not.toBe(cipher.encrypt({ token: 'x' }));
  });

  it('refuses another key or a tampered value', () => {
    const stored = new CredentialCipher(randomBytes(32)).encrypt({ token: 't' });
    expect(() => new CredentialCipher(randomBytes(32)).decrypt(stored)).toThrow('cannot be decrypted');
    expect(() => new CredentialCipher(randomBytes(32)).decrypt('garbage')).toThrow('not in a known format');
  });
});
