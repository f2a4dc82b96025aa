/**
 * pii_echo (block, public only) — GUIDE §3: never echo personal data in public (phone, e-mail, card digits,
 * passport, address, account or order details), even if the customer posted it themselves.
 *
 * Fires when a public draft contains personal data of the customer taken from the mention or its thread:
 * - a run of digits that is part of a posted phone, card, passport or id number: six or more digits inside it
 *   (phones compared on their last ten digits, so +7/8 prefixes do not matter), or its last four or five
 *   digits ("card ending 1111" echoes a posted card); a draft number that contains a posted run of six digits or
 *   more echoes it too ("415-555-0142" for a posted "(415) 555-0142");
 * - a posted id written the same (letters and digits, separators ignored: "KZ-51199023" = "kz51199023");
 * - a posted e-mail address, its local part before "@", or a login-like local part on its own ("the account
 *   mia.torres88": six characters or more with a digit, dot, dash or underscore);
 * - a posted street address: its street name (any inflection) next to its house or flat number, or a flat
 *   number with its "кв."/"apt" marker;
 * and also when the draft itself contains a full card number, a masked card ending or a passport number,
 * wherever it came from. The brand's own contacts (support e-mail, hotline) are not the customer's and pass.
 */
import { PII_KIND_NAMES, type PiiKind, type PiiSpan } from '@otklik/domain';
import { detectPii } from '../pii/pii.detector';
import type { TextSpan } from '../reply-policy.types';
import { foldText } from '../text/fold';
import { mergeSpans } from '../text/pattern';
import { stemWord, tokenize } from '../text/words';
import { say, type ReplyRule, type RuleContext } from './reply-rule';

const DIGIT_RUN = /(?<![\p{L}\p{N}+])\+?\d(?:\d|[\s().-](?=\d))*/gu;
const ID_TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}]|[-_.](?=[\p{L}\p{N}]))*/gu;
const ADDRESS_MARKERS = new Set([
  'ул', 'улица', 'улице', 'улицу', 'дом', 'подъезд', 'кв', 'квартира', 'этаж', 'домофон', 'корп', 'стр', 'проспект', 'пр-т', 'переулок',
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'apt', 'apartment', 'flat', 'unit', 'suite', 'lane', 'drive',
]);

interface PostedItem {
  kind: PiiKind;
  value: string;
}

function lastDigits(digits: string, count: number): string {
  return digits.slice(-count);
}

function digitEcho(posted: string, found: string): boolean {
  if (posted.length < 6 || found.length < 4) return false;
  if (found.length >= 6) {
    // Either side may carry extra digits: a country or area code the customer left out ("(415) 555-0142" read as
    // "555-0142") or the draft added.
    return posted.includes(found) || posted.includes(lastDigits(found, 10)) || lastDigits(posted, 10).includes(lastDigits(found, 10)) || found.includes(posted);
  }
  return posted.endsWith(found);
}

function canonicalId(value: string): string {
  return foldText(value).replace(/[^\p{L}\p{N}]/gu, '');
}

function findDigitEchoes(draft: string, item: PostedItem): TextSpan[] {
  const posted = item.value.replace(/\D/g, '');
  const spans: TextSpan[] = [];
  for (const match of draft.matchAll(DIGIT_RUN)) {
    if (digitEcho(posted, match[0].replace(/\D/g, ''))) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  const canonical = canonicalId(item.value);
  if (/\p{L}/u.test(canonical) && canonical.length >= 5) {
    for (const match of draft.matchAll(ID_TOKEN)) {
      if (canonicalId(match[0]) === canonical) spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

/** A login-like local part ("mia.torres88", "k_ivanova"): long enough and with a digit or separator, so not a bare first name. */
function isDistinctiveLocal(local: string): boolean {
  return local.length >= 6 && /[\d._-]/.test(local);
}

function findEmailEchoes(folded: string, value: string): TextSpan[] {
  const email = foldText(value);
  const local = email.split('@')[0];
  const spans: TextSpan[] = [];
  for (const needle of [email, local.length >= 3 ? `${local}@` : null]) {
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) spans.push({ start: at, end: at + needle.length });
  }
  if (spans.length === 0 && isDistinctiveLocal(local)) {
    // The local part alone is the customer's login: "the account mia.torres88 is under review".
    for (const match of folded.matchAll(ID_TOKEN)) {
      if (match[0] === local) spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

/** A stem without its last letter: Russian street names inflect ("Садовая" / "Садовую"). */
function prefixOf(stem: string): string {
  return stem.slice(0, Math.max(4, stem.length - 1));
}

function findAddressEchoes(draft: string, value: string): TextSpan[] {
  const posted = tokenize(value);
  const numbers = new Set(posted.filter((token) => /^\d+[\p{L}]?$/u.test(token.word)).map((token) => token.word));
  const names = new Set(
    posted
      .filter((token) => /^\p{L}{4,}$/u.test(token.word) && !ADDRESS_MARKERS.has(token.word))
      .map((token) => prefixOf(stemWord(token.word))),
  );
  const tokens = tokenize(draft);
  const spans: TextSpan[] = [];
  tokens.forEach((token, index) => {
    const prefix = prefixOf(stemWord(token.word));
    const isName = /^\p{L}{4,}$/u.test(token.word) && [...names].some((name) => prefix.startsWith(name) || name.startsWith(prefix));
    if (isName) {
      // House numbers come after the street in Russian ("Садовая 12") and before it in English ("14 Elm Grove").
      const after = tokens.slice(index + 1, index + 4).find((next) => numbers.has(next.word));
      const before = tokens.slice(Math.max(0, index - 3), index).find((previous) => numbers.has(previous.word));
      if (after) spans.push({ start: token.start, end: after.end });
      else if (before) spans.push({ start: before.start, end: token.end });
    }
    if (numbers.has(token.word) && index > 0 && /^(?:кв|квартира|apt|apartment|flat|подъезд|дом|house)$/.test(tokens[index - 1].word)) {
      spans.push({ start: tokens[index - 1].start, end: token.end });
    }
  });
  return spans;
}

function postedItems(context: RuleContext): PostedItem[] {
  const items: PostedItem[] = context.mention.piiSpans.map((span: PiiSpan) => ({
    kind: span.kind,
    value: context.mention.text.slice(span.start, span.end),
  }));
  const detector = context.input.piiDetector ?? detectPii;
  for (const post of context.input.thread ?? []) {
    if (post.fromBrand) continue;
    for (const span of detector(post.text)) items.push({ kind: span.kind, value: post.text.slice(span.start, span.end) });
  }
  return items;
}

export const piiEchoRule: ReplyRule = {
  id: 'pii_echo',
  check(context) {
    const { text, folded } = context.draft;
    const spans: TextSpan[] = [];
    const kinds = new Set<PiiKind>();
    for (const item of postedItems(context)) {
      let found: TextSpan[];
      if (item.kind === 'email') found = findEmailEchoes(folded, item.value);
      else if (item.kind === 'address') found = findAddressEchoes(text, item.value);
      else found = findDigitEchoes(text, item);
      if (found.length > 0) kinds.add(item.kind);
      spans.push(...found);
    }
    for (const span of detectPii(text)) {
      if (span.kind === 'card' || span.kind === 'passport') {
        spans.push({ start: span.start, end: span.end });
        kinds.add(span.kind);
      }
    }
    if (spans.length === 0) return null;
    const what = [...kinds].map((kind) => PII_KIND_NAMES[kind][context.locale]).join(', ');
    return {
      spans: mergeSpans(spans),
      message: say(context.locale, {
        ru: `Публичный ответ повторяет личные данные клиента (${what}): уберите их, даже если клиент опубликовал их сам.`,
        en: `The public reply repeats the customer's personal data (${what}): remove it, even if the customer posted it themselves.`,
      }),
    };
  },
};
