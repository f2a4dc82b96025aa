/**
 * A small personal-data detector for when the classifier has not given spans: phones, e-mails, card numbers
 * (full, or "ending 4242"), passports, account/order/contract ids and street addresses, in Russian and English.
 * It favours recall on the shapes customers actually post; the reply rules only ever compare its findings with
 * the draft, so a false find costs little.
 */
import type { PiiKind, PiiSpan } from '@otklik/domain';

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Keyword then an id: "заказ №KZ-48120937", "order #123456", "договор 7702-5518-30", "account 50-118-2233". */
const ACCOUNT_KEYWORD =
  /(?<![\p{L}])(?:заказ\p{L}*|order|договор\p{L}*|contract|account|acct|сч[её]т\p{L}*|лицев\p{L}* сч[её]т\p{L}*|invoice|инвойс\p{L}*|ref(?:erence)?|transfer ref|перевод\p{L}*|заявк\p{L}*|ticket|тикет\p{L}*|workspace(?: id)?|id|№|#)[\s:]*(?:№|#|no\.?|number|номер)?\s*([A-Za-zА-Яа-я]{0,6}[-\s]?\d[\dA-Za-z-]{3,}|[a-z][a-z0-9]*(?:-[a-z0-9]+){2,})/giu;
/** Reference codes with letters and digits: KZ-51199023, CD-INV-2026-00419, BE-20260116-8841. */
const REFERENCE_CODE = /(?<![\p{L}\p{N}-])[A-ZА-Я]{2,5}(?:-[A-ZА-Я0-9]{2,})*-\d[\d-]{3,}(?![\p{L}\p{N}])/gu;
// May open with "+" or an area code in brackets: "(415) 555-0142".
const DIGIT_RUN = /(?<![\p{L}\p{N}(])(?:\+|\()?\d[\d\s().-]{6,24}\d(?![\p{N}])/gu;
const CARD_ENDING =
  /(?:card|карт\p{L}*)[^.!?\n]{0,25}?(?:ending(?: in)?|ends? (?:in|with)|оканчивающ\p{L}* на|заканчивающ\p{L}* на|\*+|x{2,}|…|\.\.\.)\s*(\d{4})(?!\d)/giu;
const STARRED_CARD = /(?:\*{2,}|x{4,}|•{2,})\s?(\d{4})(?!\d)/giu;
const PASSPORT = /(?:паспорт\p{L}*|passport)(?:\s*(?:серия|series|no\.?|number|номер|№|:))*\s*([A-Z]{0,2}\s?\d{2}\s?\d{2}\s?(?:№\s*)?\d{5,7}|[A-Z]{1,2}\d{6,8})/giu;
const RU_ADDRESS =
  /(?:(?:[А-ЯЁ][а-яё-]+,\s*)?(?:ул\.|улиц\p{L}*|пр-т|просп\.|проспект\p{L}*|пер\.|переул\p{L}*|бульв\p{L}*|б-р|шоссе|наб\.|набережн\p{L}*|пл\.|площад\p{L}*|мкр\.?|микрорайон\p{L}*)\s*[А-ЯЁ0-9][\p{L}0-9-]*(?:\s[А-ЯЁ][\p{L}-]*)?,?\s*(?:д\.|дом)?\s*\d+[а-яa-z]?(?:\/\d+)?|[А-ЯЁ][а-яё]+(?:ая|ой|ий|ая|ое)\s\d+[а-я]?(?=\s*,\s*(?:подъезд|кв|корп|этаж)))(?:\s*,?\s*(?:корп\.?|к\.|стр\.?|строение|подъезд|под\.|кв\.?|квартира|этаж|домофон|офис)\s*\d+[а-я]?)*/gu;
const EN_ADDRESS =
  /\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Way|Court|Ct\.?|Place|Pl\.?|Terrace|Close|Crescent|Square|Sq\.?)(?:,?\s*(?:Apt|Apartment|Flat|Unit|Suite)\.?\s*#?\w+)?/g;
const APARTMENT = /(?:кв\.|квартира|apt\.?|apartment|flat)\s*#?\d+[а-яa-z]?/giu;

function add(out: PiiSpan[], kind: PiiKind, start: number, end: number): void {
  if (out.some((span) => span.start < end && start < span.end)) return;
  out.push({ kind, start, end });
}

export function detectPii(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of text.matchAll(EMAIL)) add(out, 'email', m.index, m.index + m[0].length);
  for (const m of text.matchAll(PASSPORT)) {
    const start = m.index + m[0].length - m[1].length;
    add(out, 'passport', start, m.index + m[0].length);
  }
  for (const m of text.matchAll(CARD_ENDING)) add(out, 'card', m.index + m[0].length - m[1].length, m.index + m[0].length);
  for (const m of text.matchAll(STARRED_CARD)) add(out, 'card', m.index, m.index + m[0].length);
  for (const m of text.matchAll(REFERENCE_CODE)) add(out, 'account_id', m.index, m.index + m[0].length);
  for (const m of text.matchAll(DIGIT_RUN)) {
    const digits = m[0].replace(/\D/g, '');
    const start = m.index;
    const end = m.index + m[0].length;
    const before = text.slice(Math.max(0, start - 40), start).toLowerCase();
    if (/(?:договор|contract|account|acct|сч[её]т|invoice|ref|заказ|order|заявк|ticket|№|#)[^.!?\n]{0,12}$/u.test(before)) {
      add(out, 'account_id', start, end);
    } else if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) {
      add(out, 'card', start, end);
    } else if (digits.length === 20) {
      add(out, 'account_id', start, end);
    } else if (digits.length >= 10 && digits.length <= 13 && /^(?:\+|8|7|0|1|\()/.test(m[0])) {
      add(out, 'phone', start, end);
    } else if (digits.length >= 10 && digits.length <= 13 && /(?:тел|phone|номер|number|call|звон|text|sms|смс|whatsapp|ватсап|reach me|моб)/u.test(before)) {
      add(out, 'phone', start, end);
    }
  }
  for (const m of text.matchAll(ACCOUNT_KEYWORD)) {
    const value = m[1];
    if (!/\d/.test(value) && !/^[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}$/.test(value)) continue;
    if (/\d/.test(value) && value.replace(/\D/g, '').length < 4) continue;
    const start = m.index + m[0].length - value.length;
    add(out, 'account_id', start, m.index + m[0].length);
  }
  for (const m of text.matchAll(RU_ADDRESS)) add(out, 'address', m.index, m.index + m[0].length);
  for (const m of text.matchAll(EN_ADDRESS)) add(out, 'address', m.index, m.index + m[0].length);
  for (const m of text.matchAll(APARTMENT)) add(out, 'address', m.index, m.index + m[0].length);
  return out.sort((a, b) => a.start - b.start);
}

const LONG_NUMBER = /(?<![\p{L}\p{N}])\d(?:[\d-]|\s(?=\d))*\d(?![\p{N}])/gu;
const LOOSE_EMAIL = /\S+@\S+/g;
const LOOSE_ADDRESS =
  /\p{Lu}[\p{L}-]{3,}(?:\s\p{Lu}[\p{L}-]+)?,?\s\d{1,4}\p{L}?(?:[,\s]+\p{L}{1,10}\.?\s?\d{1,4})*|(?<![\p{N}])\d{1,4}\p{L}?\s\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?/gu;
const MIXED_ID = /(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]*\p{L})(?=(?:[\p{L}-]*\d){6})[\p{L}\p{N}][\p{L}\p{N}-]{7,}(?![\p{L}\p{N}])/gu;
const DATE_LIKE = /\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4}/;

/**
 * What the precise detector may have missed, for a mention known (classifier kinds, corpus `to_mention_pii`) or
 * likely to hold personal data: any number of six digits or more (ids, phones in unusual shapes), and, when the
 * kinds say so, any "@" token or capitalised name followed by a house number.
 */
export function loosePii(text: string, kinds: readonly string[], found: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [...found];
  for (const m of text.matchAll(MIXED_ID)) add(out, 'account_id', m.index, m.index + m[0].length);
  for (const m of text.matchAll(LONG_NUMBER)) {
    if (DATE_LIKE.test(m[0])) continue;
    // Money is not an id: "120 000 ₽", "$250000".
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 5);
    if (/^\s?(?:₽|руб|р\.|\$|€|£|%|usd|eur|rub|тыс)/iu.test(after) || /[$€£]\s?$/u.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    if (m[0].replace(/\D/g, '').length >= 6) add(out, kinds.includes('phone') && /^[+(]/.test(m[0]) ? 'phone' : 'account_id', m.index, m.index + m[0].length);
  }
  if (kinds.includes('email')) for (const m of text.matchAll(LOOSE_EMAIL)) add(out, 'email', m.index, m.index + m[0].length);
  if (kinds.includes('address') && !out.some((span) => span.kind === 'address')) {
    for (const m of text.matchAll(LOOSE_ADDRESS)) add(out, 'address', m.index, m.index + m[0].length);
  }
  return out.sort((a, b) => a.start - b.start);
}
