import type { DataSource } from 'typeorm';
import { ConnectorError, type CredentialRenewal, type SourceCredentialStore } from '@otklik/connectors';
import type { CredentialCipher } from '@otklik/persistence';

/** How long a renewal waits for another process's renewal of the same source (which is bounded by its request timeout). */
export const RENEWAL_LOCK_TIMEOUT = '30s';

/** The advisory lock name serialising credential renewals of one source across processes. */
export function renewalLockName(sourceId: string): string {
  return `source-credentials:${sourceId}`;
}

/**
 * The connectors' `SourceCredentialStore` on the `source` table, for the worker and the api (both build their
 * connectors through the resolver, which hands them this). A renewal is one transaction:
 *
 * 1. a transaction-scoped advisory lock on the source, so two processes (the worker polling, a send, the
 *    api's "test connection") never renew the same source at once: the second waits, then reads what the
 *    first stored, and never spends a refresh token the platform has already rotated;
 * 2. the credentials read and decrypted, and the connector's renewal run with them (its HTTP call happens
 *    under the lock; the request timeout bounds it);
 * 3. the changed fields merged and written back encrypted, in one UPDATE of just that source's credentials,
 *    only if the stored credentials are still the ones read (compared as stored: any save re-encrypts with a
 *    new nonce). An admin's edit in between wins: nothing is written and the connector is told (`stored: false`);
 * 4. commit, so the new value is durable before the connector uses what it got.
 *
 * Any failure rolls back and rejects: the connector reports it and keeps what the platform issued.
 */
export class PgSourceCredentialStore implements SourceCredentialStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CredentialCipher,
  ) {}

  async renew<T>(sourceId: string, renew: (stored: Record<string, string>) => Promise<CredentialRenewal<T>>): Promise<{ result: T; stored: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL lock_timeout = '${RENEWAL_LOCK_TIMEOUT}'`);
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [renewalLockName(sourceId)]);
      const read = async (lock: boolean): Promise<string | null | undefined> => {
        const rows: { credentials_encrypted: string | null }[] = await manager.query(
          `SELECT credentials_encrypted FROM source WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
          [sourceId],
        );
        return rows[0] ? rows[0].credentials_encrypted : undefined;
      };
      const before = await read(false);
      if (before === undefined) throw new ConnectorError('bad_request', `source ${sourceId} was deleted while its credentials were being renewed`);
      const { store, result } = await renew(this.cipher.decrypt(before));
      if (!store || Object.keys(store).length === 0) return { result, stored: true };
      const now = await read(true);
      if (now !== before) return { result, stored: false };
      await manager.query('UPDATE source SET credentials_encrypted = $2 WHERE id = $1', [sourceId, this.cipher.encrypt({ ...this.cipher.decrypt(before), ...store })]);
      return { result, stored: true };
    });
  }
}
