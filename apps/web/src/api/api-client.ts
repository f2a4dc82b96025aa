/**
 * One fetch wrapper for the whole app: Bearer token, application/problem+json errors as ApiError, and one
 * token refresh on a 401 (shared by concurrent requests, because a refresh token is single-use: two parallel
 * refreshes would look like token reuse and revoke the login). A second 401 ends the session.
 */
import type { TokenPair } from './contract.types';
import { SessionStore } from '../auth/session-store';

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; reason: string }[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** The short code of a problem type (`urn:otklik:problem:claimed` → `claimed`). */
  get code(): string {
    return (this.problem.type ?? '').split(':').pop() ?? '';
  }
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | null | undefined | readonly string[]>;
  body?: unknown;
  signal?: AbortSignal;
  /** Login and refresh must not trigger a refresh themselves. */
  anonymous?: boolean;
  accept?: string;
}

export function buildQuery(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  const text = await response.text().catch(() => '');
  if (!text) return { status: response.status, title: response.statusText };
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object') return parsed as ProblemDetails;
  } catch {
    // Not JSON (a proxy's HTML error page): keep the status and a short excerpt.
  }
  return { status: response.status, title: response.statusText, detail: text.slice(0, 200) };
}

export class ApiClient {
  private refreshing: Promise<boolean> | null = null;

  constructor(
    private readonly session: SessionStore,
    private readonly baseUrl = '',
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
    /** The interface language, sent as Accept-Language: the API writes explanations and policy messages in it. */
    private readonly language: () => string | undefined = () => undefined,
  ) {}

  /** Called when the session ends (refresh refused): the app goes back to the login screen. */
  onSessionEnded: (() => void) | null = null;

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    if (response.status === 401 && !options.anonymous) {
      if (await this.refresh()) {
        const retried = await this.send(method, path, options);
        if (retried.status !== 401) return this.read<T>(retried);
      }
      this.endSession();
      throw new ApiError(401, await readProblem(response));
    }
    return this.read<T>(response);
  }

  get<T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path, { query, signal });
  }

  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body: body ?? {} });
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, { body });
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  async login(email: string, password: string, workspaceId?: string): Promise<TokenPair> {
    const pair = await this.request<TokenPair>('POST', '/api/auth/login', {
      body: { email, password, ...(workspaceId ? { workspaceId } : {}) },
      anonymous: true,
    });
    this.session.save(pair);
    return pair;
  }

  async switchWorkspace(workspaceId: string): Promise<TokenPair> {
    const pair = await this.post<TokenPair>('/api/auth/switch-workspace', { workspaceId });
    this.session.save(pair);
    return pair;
  }

  async logout(): Promise<void> {
    const refreshToken = this.session.current()?.refreshToken;
    this.session.clear();
    if (refreshToken) await this.send('POST', '/api/auth/logout', { body: { refreshToken }, anonymous: true }).catch(() => undefined);
  }

  /** A token fresh enough to open the event stream with (EventSource cannot send headers). */
  async freshAccessToken(): Promise<string | null> {
    const current = this.session.current();
    if (!current) return null;
    if (current.expiresAt - Date.now() > 30_000) return current.accessToken;
    return (await this.refresh()) ? (this.session.current()?.accessToken ?? null) : null;
  }

  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const refreshToken = this.session.current()?.refreshToken;
    if (!refreshToken) return false;
    const response = await this.send('POST', '/api/auth/refresh', { body: { refreshToken }, anonymous: true }).catch(() => null);
    if (!response || !response.ok) return false;
    this.session.save((await response.json()) as TokenPair);
    return true;
  }

  private endSession(): void {
    this.session.clear();
    this.onSessionEnded?.();
  }

  private send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: options.accept ?? 'application/json, application/problem+json' };
    const language = this.language();
    if (language) headers['Accept-Language'] = language;
    const token = this.session.current()?.accessToken;
    if (token && !options.anonymous) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.body !== undefined && method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    return this.fetchImpl(`${this.baseUrl}${path}${buildQuery(options.query)}`, { method, headers, body, signal: options.signal });
  }

  private async read<T>(response: Response): Promise<T> {
    if (!response.ok) throw new ApiError(response.status, await readProblem(response));
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('json')) return (await response.json()) as T;
    return (await response.text()) as T;
  }
}
