/**
 * Stateful stand-ins for VK, Mastodon and Telegram on the connectors' fake server: what is posted is kept,
 * so a connector's `findSent` can find it, and a post can be answered late (past the client's timeout)
 * after it has been recorded, as a platform that is slow but did post.
 */
import type { FakeResponse, RecordedRequest } from '../../../libs/connectors/src/testing/fake-platform.server';

export interface PostBehaviour {
  /** Answer the first post this many milliseconds late (it is kept at once). */
  slowFirstMs?: number;
  /** Answer the first post with 429 and this Retry-After (seconds); nothing is kept. */
  rateLimitFirstSeconds?: number;
}

/** VK API under `<baseUrl>/method/<name>`; `dmClosedFor` peers get error 901 on messages.send. */
export function fakeVk(options: { groupId: number; dmClosedFor?: number[]; comments?: PostBehaviour; messages?: PostBehaviour }) {
  const comments: Array<Record<string, unknown>> = [];
  const messages: Array<Record<string, unknown>> = [];
  const handler = (request: RecordedRequest): FakeResponse => {
    const form = request.form;
    const name = request.path.replace(/^\/method\//, '');
    switch (name) {
      case 'wall.createComment': {
        const id = 500 + comments.length;
        comments.push({ id, from_id: -Number(form.get('from_group')), owner_id: Number(form.get('owner_id')), post_id: Number(form.get('post_id')), text: form.get('message') });
        return { body: { response: { comment_id: id } }, delayMs: comments.length === 1 ? (options.comments?.slowFirstMs ?? 0) : 0 };
      }
      case 'wall.getComments':
        return { body: { response: { count: comments.length, items: [...comments].reverse() } } };
      case 'messages.send': {
        const peer = Number(form.get('peer_id'));
        if (options.dmClosedFor?.includes(peer)) {
          return { body: { error: { error_code: 901, error_msg: "Can't send messages for users without permission", request_params: [] } } };
        }
        const id = 7000 + messages.length;
        messages.push({ id, out: 1, peer_id: peer, random_id: Number(form.get('random_id')), text: form.get('message') });
        return { body: { response: id }, delayMs: messages.length === 1 ? (options.messages?.slowFirstMs ?? 0) : 0 };
      }
      case 'messages.getHistory':
        return { body: { response: { count: messages.length, items: [...messages].reverse() } } };
      case 'groups.getById':
        return { body: { response: { groups: [{ id: options.groupId, name: 'Acme community' }] } } };
      default:
        return { body: { error: { error_code: 3, error_msg: `Unknown method passed: ${name}`, request_params: [] } } };
    }
  };
  return { handler, comments, messages };
}

export interface MastodonStatusSpec {
  id: string;
  acct: string;
  text: string;
  behaviour?: PostBehaviour;
}

/** A Mastodon instance: one hashtag timeline, posting with state, `context`, and tokens that can be revoked. */
export function fakeMastodon(options: { tag: string; statuses: MastodonStatusSpec[]; token: string; revokedTokens?: string[] }) {
  const me = { id: '900', username: 'acme', acct: 'acme', followers_count: 10, created_at: '2020-01-01T00:00:00.000Z' };
  const posted: Array<Record<string, unknown>> = [];
  const postsPerTarget = new Map<string, number>();
  const timeline = options.statuses.map((spec, index) => ({
    id: spec.id,
    created_at: new Date(Date.now() - (options.statuses.length - index) * 60_000).toISOString(),
    in_reply_to_id: null,
    visibility: 'public',
    language: 'en',
    url: `https://social.example/@${spec.acct}/${spec.id}`,
    content: `<p>${spec.text}</p>`,
    spoiler_text: '',
    favourites_count: 0,
    reblogs_count: 0,
    reblog: null,
    account: { id: `${1000 + index}`, username: spec.acct, acct: spec.acct, followers_count: 5, created_at: '2021-01-01T00:00:00.000Z' },
  }));
  const handler = (request: RecordedRequest): FakeResponse => {
    const token = String(request.headers['authorization'] ?? '').replace(/^Bearer /, '');
    if (options.revokedTokens?.includes(token) || token !== options.token) {
      return { status: 401, body: { error: 'The access token was revoked' } };
    }
    if (request.method === 'GET' && request.path === `/api/v1/timelines/tag/${options.tag}`) {
      const minId = request.url.searchParams.get('min_id');
      const page = [...timeline].reverse().filter((status) => !minId || BigInt(status.id) > BigInt(minId));
      const headers: Record<string, string> = {};
      if (page.length > 0) headers['link'] = `<${request.url.origin}${request.path}?max_id=${page[page.length - 1]!.id}>; rel="next", <${request.url.origin}${request.path}?min_id=${page[0]!.id}>; rel="prev"`;
      return { headers, body: page };
    }
    if (request.method === 'GET' && request.path === '/api/v1/accounts/verify_credentials') return { body: me };
    const context = /^\/api\/v1\/statuses\/(\d+)\/context$/.exec(request.path);
    if (request.method === 'GET' && context) {
      return { body: { ancestors: [], descendants: posted.filter((status) => status['in_reply_to_id'] === context[1]) } };
    }
    if (request.method === 'POST' && request.path === '/api/v1/statuses') {
      const sent = request.json() as { status: string; in_reply_to_id: string; visibility: string };
      const count = (postsPerTarget.get(sent.in_reply_to_id) ?? 0) + 1;
      postsPerTarget.set(sent.in_reply_to_id, count);
      const behaviour = options.statuses.find((spec) => spec.id === sent.in_reply_to_id)?.behaviour ?? {};
      if (behaviour.rateLimitFirstSeconds && count === 1) {
        return { status: 429, headers: { 'retry-after': String(behaviour.rateLimitFirstSeconds) }, body: { error: 'Too many requests' } };
      }
      const status = {
        id: String(2000 + posted.length),
        in_reply_to_id: sent.in_reply_to_id,
        visibility: sent.visibility,
        content: `<p>${sent.status}</p>`,
        url: `https://social.example/@acme/${2000 + posted.length}`,
        account: me,
      };
      posted.push(status);
      return { body: status, delayMs: behaviour.slowFirstMs && count === 1 ? behaviour.slowFirstMs : 0 };
    }
    return { status: 404, body: { error: 'Record not found' } };
  };
  return { handler, posted };
}

/** Telegram Bot API under `/bot<token>/<method>`. */
export function fakeTelegram(options: { token: string; behaviour?: PostBehaviour }) {
  const sent: Array<Record<string, unknown>> = [];
  const handler = (request: RecordedRequest): FakeResponse => {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.path);
    if (!match || match[1] !== options.token) return { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
    switch (match[2]) {
      case 'getMe':
        return { body: { ok: true, result: { id: 42, is_bot: true, username: 'acme_support_bot' } } };
      case 'sendMessage': {
        const body = request.json() as Record<string, unknown>;
        const message = { message_id: 9000 + sent.length, chat: { id: body['chat_id'] }, date: Math.floor(Date.now() / 1000), text: body['text'] };
        sent.push(body);
        const late = options.behaviour?.slowFirstMs && sent.length === 1 ? options.behaviour.slowFirstMs : 0;
        return { body: { ok: true, result: message }, delayMs: late };
      }
      default:
        return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
    }
  };
  return { handler, sent };
}
