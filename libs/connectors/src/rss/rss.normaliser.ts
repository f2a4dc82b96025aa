import { XMLParser } from 'fast-xml-parser';
import type { NormalisedMention } from '../connector';
import { htmlToText } from '../shared/html-text';
import { dateToIso, isObject, MalformedItemError, type JsonObject } from '../shared/json-reader';

export const RSS_CHANNEL = 'rss';
/** Long enough for a news lead and then some; whole articles would only slow the classifier down. */
const MAX_TEXT_LENGTH = 8000;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry',
});

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf';
  title: string | null;
  link: string | null;
  lang: string | null;
  items: JsonObject[];
}

/** Parses decoded feed text; null when it is not RSS, RDF or Atom (an HTML error page, say). */
export function parseFeed(text: string): ParsedFeed | null {
  let document: unknown;
  try {
    document = parser.parse(text);
  } catch {
    return null;
  }
  if (!isObject(document)) return null;
  const rss = document['rss'];
  if (isObject(rss)) {
    const channel = isObject(rss['channel']) ? rss['channel'] : {};
    return {
      format: 'rss',
      title: textOf(channel['title']),
      link: rssLink(channel['link']),
      lang: primaryLanguage(textOf(channel['language']) ?? textOf(channel['dc:language'])),
      items: asObjects(channel['item']),
    };
  }
  const rdf = document['rdf:RDF'];
  if (isObject(rdf)) {
    const channel = isObject(rdf['channel']) ? rdf['channel'] : {};
    return { format: 'rdf', title: textOf(channel['title']), link: rssLink(channel['link']), lang: primaryLanguage(textOf(channel['dc:language'])), items: asObjects(rdf['item']) };
  }
  const feed = document['feed'];
  if (isObject(feed)) {
    return {
      format: 'atom',
      title: textOf(feed['title']),
      link: atomLink(feed['link']),
      lang: primaryLanguage(typeof feed['@_xml:lang'] === 'string' ? feed['@_xml:lang'] : null),
      items: asObjects(feed['entry']),
    };
  }
  return null;
}

/** The dedupe key: guid (RSS), id (Atom), else the link. */
export function feedItemKey(item: JsonObject, format: ParsedFeed['format']): string | null {
  const key = format === 'atom' ? textOf(item['id']) : (textOf(item['guid']) ?? (typeof item['@_rdf:about'] === 'string' ? item['@_rdf:about'] : null));
  return key ?? (format === 'atom' ? atomLink(item['link']) : rssLink(item['link']));
}

export interface FeedContext {
  sourceId: string;
  feed: ParsedFeed;
  feedUrl: string;
  origin: 'search' | 'owned';
  /** Used when an item has no date: when we first saw it. */
  fetchedAt: string;
}

export function normaliseFeedItem(item: JsonObject, context: FeedContext): NormalisedMention {
  const { feed } = context;
  const key = feedItemKey(item, feed.format);
  if (key === null) throw new MalformedItemError('feed item: no guid, id or link');
  const externalId = `${context.sourceId}:${key}`;
  const title = textOf(item['title']);
  const bodyHtml =
    feed.format === 'atom'
      ? (deepText(item['content']) ?? deepText(item['summary']))
      : (textOf(item['content:encoded']) ?? deepText(item['description']));
  const body = bodyHtml ? htmlToText(bodyHtml) : '';
  const text = [title ? htmlToText(title) : '', body].filter((part) => part !== '').join('\n\n').slice(0, MAX_TEXT_LENGTH);
  if (text === '') throw new MalformedItemError(`feed item ${key}: no title and no text`);
  const dated =
    feed.format === 'atom'
      ? (dateToIso(textOf(item['published'])) ?? dateToIso(textOf(item['updated'])))
      : (dateToIso(textOf(item['pubDate'])) ?? dateToIso(textOf(item['dc:date'])));
  const link = feed.format === 'atom' ? atomLink(item['link']) : rssLink(item['link']);
  const host = hostOf(context.feedUrl);
  const person = authorName(item, feed.format);
  return {
    externalId,
    channel: RSS_CHANNEL,
    lang: feed.lang,
    publishedAt: dated ?? context.fetchedAt,
    isPrivate: false,
    // A named author is a person at the outlet; otherwise the outlet itself speaks.
    author: person
      ? { id: `${RSS_CHANNEL}:${host}:${person}`, handle: person, followers: null, accountCreatedAt: null, verified: null, kind: null }
      : { id: `${RSS_CHANNEL}:${host}`, handle: feed.title ?? host, followers: null, accountCreatedAt: null, verified: null, kind: 'media' },
    threadExternalId: externalId,
    inReplyTo: null,
    brand: null,
    text,
    url: link,
    likes: null,
    reposts: null,
    origin: context.origin,
    raw: item,
  };
}

function authorName(item: JsonObject, format: ParsedFeed['format']): string | null {
  if (format === 'atom') {
    const author = item['author'];
    const first = Array.isArray(author) ? author[0] : author;
    return isObject(first) ? textOf(first['name']) : null;
  }
  const creator = textOf(item['dc:creator']);
  if (creator) return creator;
  // RSS 2.0 `author` is "email (Name)"; keep the name, never an email address as a handle.
  const author = textOf(item['author']);
  if (!author) return null;
  const named = /\(([^)]+)\)/.exec(author)?.[1];
  return named ?? (author.includes('@') ? null : author);
}

function textOf(node: unknown): string | null {
  if (typeof node === 'string') return node.trim() === '' ? null : node.trim();
  if (Array.isArray(node)) return textOf(node[0]);
  if (isObject(node)) return textOf(node['#text']);
  return null;
}

/** Text of an element that may hold unescaped markup (parsed as child elements), attributes left out. */
function deepText(node: unknown): string | null {
  if (typeof node === 'string') return node.trim() === '' ? null : node;
  if (Array.isArray(node)) return node.map(deepText).filter((part): part is string => part !== null).join(' ') || null;
  if (isObject(node)) {
    const parts = Object.entries(node)
      .filter(([key]) => !key.startsWith('@_'))
      .map(([, value]) => deepText(value))
      .filter((part): part is string => part !== null);
    return parts.length > 0 ? parts.join(' ') : null;
  }
  return null;
}

function rssLink(node: unknown): string | null {
  // `atom:link` siblings are separate keys; `link` itself is text (sometimes repeated).
  return textOf(node);
}

function atomLink(node: unknown): string | null {
  const links = Array.isArray(node) ? node : node === undefined ? [] : [node];
  const withRel = links.filter(isObject);
  const alternate = withRel.find((link) => link['@_rel'] === undefined || link['@_rel'] === 'alternate');
  const href = alternate?.['@_href'];
  return typeof href === 'string' ? href : null;
}

function asObjects(node: unknown): JsonObject[] {
  const list = Array.isArray(node) ? node : node === undefined ? [] : [node];
  // An empty <item/> parses as "": kept as an empty object so it is rejected with a reason, not lost.
  return list.map((entry) => (isObject(entry) ? entry : {}));
}

function primaryLanguage(tag: string | null): string | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
