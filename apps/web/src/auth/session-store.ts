/**
 * The tokens of the signed-in user. Kept in localStorage so a reload stays signed in; the access token lives
 * 15 minutes and the refresh token is single-use and rotated, which bounds what a stolen copy is worth.
 */
import type { TokenPair, User, Workspace } from '../api/contract.types';

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
  user: User;
  workspace: Workspace;
}

const KEY = 'otklik.session';

export class SessionStore {
  private session: Session | null;
  private readonly listeners = new Set<(session: Session | null) => void>();

  constructor(private readonly storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage) {
    this.session = this.load();
  }

  current(): Session | null {
    return this.session;
  }

  save(pair: TokenPair): void {
    this.session = {
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      expiresAt: Date.now() + (pair.expiresIn ?? 900) * 1000,
      user: pair.user,
      workspace: pair.workspace,
    };
    this.storage?.setItem(KEY, JSON.stringify(this.session));
    this.emit();
  }

  clear(): void {
    if (!this.session) return;
    this.session = null;
    this.storage?.removeItem(KEY);
    this.emit();
  }

  subscribe(listener: (session: Session | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.session);
  }

  private load(): Session | null {
    try {
      const text = this.storage?.getItem(KEY);
      if (!text) return null;
      const parsed = JSON.parse(text) as Session;
      return parsed.accessToken && parsed.refreshToken ? parsed : null;
    } catch {
      return null;
    }
  }
}
