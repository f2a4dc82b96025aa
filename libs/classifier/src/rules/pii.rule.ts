/**
 * Personal data in the text itself, with character spans, so the reply composer never echoes it in public
 * (GUIDE §3). Kinds: phone, email, card, passport, address, account_id (SCHEMA and corpus convention 7:
 * account_id covers order, contract, bank-account, invoice, work-order and workspace ids and transfer
 * references; "card ending 4242" is a card; first names, the brand's own addresses and URLs are not PII).
 */
import type { PiiKind, PiiSpan } from '@otklik/domain';

export interface PiiFinding extends PiiSpan {
  /** The phrase, for the explanation (digits masked beyond the last four). */
  evidence: string;
}

/** Luhn checksum: tells a card number from any other long digit run. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let digit = digits.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Russian mobile and landline numbers: +7 / 8, then ten digits in any grouping.
const PHONE_RU = /(?<![\d+])(?:\+7|8)[\s\-.(]{0,2}\d{3}[\s\-.)]{0,2}\d{3}[\s\-.]?\d{2}[\s\-.]?\d{2}(?!\d)/g;
// International numbers with a country code: + then 8 to 15 digits in groups.
const PHONE_INTL = /(?<![\d+])\+\d{1,3}(?:[\s\-.]?\(?\d{1,5}\)?){2,5}(?!\d)/g;
// A number written after a phone keyword: "тел. 123-45-67", "call me on 0201 555 0123".
const PHONE_KEYWORD =
  /(?:phone|tel|mobile|cell|whatsapp|call me (?:on|at)|телефон|тел\.?|номер|мобильн\p{L}*|звоните)\p{L}*[\s:]{1,3}(?:\p{L}+\s)?([+(]?\d[\d\s\-().]{5,16}\d)(?!\d)/giu;
const CARD_DIGITS = /(?<![\d])(?:\d[ \-]?){12,18}\d(?![\d])/g;
const CARD_TAIL =
  /(?:card|карт\p{L}*)[^\n.!?]{0,25}?(?:ending(?: in| with)?|ends? (?:in|with)|last (?:4|four)(?: digits)?|заканчива\p{L}* на|оканчива\p{L}* на|последние (?:4|четыре)(?: цифры)?|\*{2,}|•{2,}|x{4}|х{4})\s*:?\s*(\d{4})(?!\d)|(?:\*{2,}\s?|•{2,}\s?|(?<![\p{L}])x{4}\s?|х{4}\s?)(\d{4})(?!\d)/giu;
const PASSPORT =
  /(?:паспорт\p{L}*|passport)(?:\s*(?:рф|серия|series|no\.?|number|num|№|#|:|-|данные))*[\s:]*((?:\d{2}\s?\d{2}[\s№-]*(?:номер\s*)?\d{6})|(?:[A-Z]{1,2}\d{6,8})|(?:\d{9}))(?!\d)/giu;
const ADDRESS_RU =
  /(?:(?:[А-ЯЁ][\p{L}-]+,\s*)?(?:[Уу]л\.|[Уу]лица|[Уу]л\s|[Пп]р\.|[Пп]р-т|[Пп]роспект|[Пп]ер\.|[Пп]ереулок|[Бб]ульвар|[Бб]-р|[Шш]оссе|[Нн]аб\.|[Нн]абережная|[Пп]л\.|[Пп]лощадь|[Мм]кр\.?|[Мм]икрорайон|[Пп]роезд|[Тт]ракт)\s*[\p{L}\d-]+(?:\s[\p{L}-]+)?,?\s*(?:д\.|дом)?\s*\d+[а-я]?(?:\/\d+)?(?:\s*,?\s*(?:корп\.?|к\.|стр\.?|строение|подъезд|под\.|кв\.?|квартира|офис|оф\.|этаж|домофон)\s*\d+)*)/gu;
const ADDRESS_RU_FLAT = /(?:[А-ЯЁ][\p{L}-]+\s\d+[а-я]?,\s*)?(?:[Кк]в\.|[Кк]вартира)\s*\d+/gu;
const ADDRESS_EN =
  /\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Lane|Ln\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Court|Ct\.?|Way|Place|Pl\.?|Terrace|Close|Crescent|Square|Sq\.?)(?:,?\s*(?:Apt|Apartment|Suite|Unit|Flat)\.?\s*#?\w+)?/g;
const ADDRESS_EN_FLAT = /\b(?:apt|apartment|flat|suite|unit)\.?\s*#?\d+[a-z]?\b,?\s*\d{1,5}\s+[A-Z][a-z]+/gi;
const ACCOUNT_KEYWORD =
  /(?<![\p{L}\p{N}])(?:(?:order|account|acct|contract|invoice|transfer ref(?:erence)?|payment ref(?:erence)?|ref(?:erence)?|booking|reservation|policy|customer (?:id|number|no)|client (?:id|number)|workspace(?: id)?|tenant(?: id)?|user id|subscriber(?: id)?|tracking(?: number| no)?|work order|agreement|iban|ticket|pnr|confirmation (?:code|number))|(?:заказ(?:-наряд)?\p{L}*|наряд\p{L}*|договор\p{L}*|сч[её]т\p{L}*|лицев\p{L}* сч[её]т\p{L}*|л\/с|номер клиента|клиентск\p{L}* номер|инвойс\p{L}*|накладн\p{L}*|трек-?номер\p{L}*|квитанц\p{L}*|полис\p{L}*|бронировани\p{L}*|брон[ьи]|код брони\p{L}*|тикет\p{L}*|перевод\p{L}*|платеж\p{L}*|платёж\p{L}*|рабоч\p{L}* пространств\p{L}*))(?![\p{L}\p{N}])(?:[\s:]*(?:№|#|no\.|nr\.|number|num|id|номер|ref|:|-)(?![\p{L}]))*[\s:№#]*([\p{L}\p{N}][\p{L}\p{N}\-–/.]{2,}[\p{L}\p{N}])/giu;
const ACCOUNT_MARKED = /(?:№|#)\s?((?:[A-ZА-Я]{1,5}[-–])+\d[\d\-–]{3,}|\d[\d\-–]{5,})/gu;

// Cheap keyword gates in front of the costly patterns (most mentions contain no personal data at all).
const ACCOUNT_GATE =
  /order|account|acct|contract|invoice|ref|booking|reservation|policy|customer|client|workspace|tenant|user id|subscriber|tracking|agreement|iban|ticket|pnr|confirmation|заказ|наряд|договор|сч[её]т|л\/с|номер|инвойс|накладн|трек|квитанц|полис|брон|перевод|плат[её]ж|рабоч|тикет/i;
const PHONE_GATE = /phone|tel|mobile|cell|whatsapp|call me|телефон|тел|номер|мобильн|звоните/i;
const ADDRESS_GATE =
  /ул\.|улица|ул\s|пр\.|пр-т|проспект|пер\.|переулок|бульвар|б-р|шоссе|наб\.|набережная|пл\.|площадь|мкр|микрорайон|проезд|тракт|кв\.|квартира|street|st\.|avenue|ave|road|rd\.|lane|ln\.|boulevard|blvd|drive|dr\.|court|ct\.|way|place|pl\.|terrace|close|crescent|square|sq\.|apt|apartment|flat|suite|unit/i;

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function mask(text: string): string {
  const digits = digitsOf(text);
  if (digits.length <= 4) return text;
  let seen = 0;
  return text.replace(/\d/g, (digit) => (digits.length - ++seen < 4 ? digit : '•'));
}

function overlaps(span: { start: number; end: number }, taken: PiiFinding[]): boolean {
  return taken.some((other) => span.start < other.end && other.start < span.end);
}

/** Finds personal data in `text`; spans are UTF-16 offsets into `text`, ordered by start. */
export function detectPii(text: string): PiiFinding[] {
  const found: PiiFinding[] = [];
  const add = (kind: PiiKind, start: number, end: number): void => {
    const span = { kind, start, end, evidence: mask(text.slice(start, end)) };
    if (!overlaps(span, found)) found.push(span);
  };

  // Cheap gates first: most mentions have no '@' and few digits, and these regexes are the costly part.
  const digitCount = (text.match(/\d/g) ?? []).length;
  if (text.includes('@')) for (const match of text.matchAll(EMAIL)) add('email', match.index!, match.index! + match[0].length);

  // Cards before phones and ids: a Luhn-valid 13-19 digit run is a card whatever its grouping.
  if (digitCount >= 13) for (const match of text.matchAll(CARD_DIGITS)) {
    const digits = digitsOf(match[0]);
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) add('card', match.index!, match.index! + match[0].trimEnd().length);
  }
  if (/card|карт|\*\*|••|xxxx|хххх/i.test(text)) for (const match of text.matchAll(CARD_TAIL)) {
    const tail = match[1] ?? match[2];
    const start = match.index! + match[0].lastIndexOf(tail);
    add('card', start, start + 4);
  }

  if (/паспорт|passport/i.test(text)) for (const match of text.matchAll(PASSPORT)) {
    const value = match[1];
    const start = match.index! + match[0].lastIndexOf(value);
    add('passport', start, start + value.length);
  }

  // Ids after a keyword come before phones: "account 50-118-2233" is an id, not a phone.
  if (ACCOUNT_GATE.test(text)) for (const match of text.matchAll(ACCOUNT_KEYWORD)) {
    const value = match[1].replace(/[.\-–/]+$/, '');
    const digitCount = digitsOf(value).length;
    const keyword = match[0].slice(0, match[0].length - match[1].length).toLowerCase();
    const isIdKeyword = /(?:workspace|tenant|user id|id\b|рабоч)/.test(keyword);
    // Airline and hotel booking codes (PNR) are short mixes of capitals and digits: "booking ref 7HJ2KQ", "бронь QX7K2L".
    const isBookingCode = /(?:book|reserv|pnr|confirm|брон)/.test(keyword) && /^(?=.*\d)(?=.*[A-Z])[A-Z0-9]{5,8}$/.test(value);
    const hasIdShape = /[\p{L}]/u.test(value) ? /\d{3,}/.test(value) || isBookingCode || (isIdKeyword && /[-_]/.test(value) && value.length >= 6) : digitCount >= 4;
    if (!hasIdShape) continue;
    // Amounts and dates are not ids: "заказ на 1 850 ₽", "order 23990 ₽", "счёт от 12.01".
    const after = text.slice(match.index! + match[0].length, match.index! + match[0].length + 4);
    if (/^\s?(?:₽|руб|р\.|\$|€|£|usd|eur|rub|тыс)/i.test(after) || /^\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?$/.test(value)) continue;
    const start = match.index! + match[0].lastIndexOf(match[1]);
    add('account_id', start, start + value.length);
  }
  if (text.includes('№') || text.includes('#')) for (const match of text.matchAll(ACCOUNT_MARKED)) {
    const start = match.index! + match[0].indexOf(match[1]);
    add('account_id', start, start + match[1].length);
  }

  if (digitCount >= 10) for (const pattern of [PHONE_RU, PHONE_INTL]) {
    for (const match of text.matchAll(pattern)) {
      const digits = digitsOf(match[0]);
      if (digits.length < 10 || digits.length > 15) continue;
      add('phone', match.index!, match.index! + match[0].trimEnd().length);
    }
  }
  if (digitCount >= 7 && PHONE_GATE.test(text)) for (const match of text.matchAll(PHONE_KEYWORD)) {
    const value = match[1].trimEnd();
    const digits = digitsOf(value);
    if (digits.length < 7 || digits.length > 15) continue;
    const start = match.index! + match[0].lastIndexOf(match[1]);
    add('phone', start, start + value.length);
  }

  if (ADDRESS_GATE.test(text)) for (const pattern of [ADDRESS_RU, ADDRESS_RU_FLAT, ADDRESS_EN, ADDRESS_EN_FLAT]) {
    for (const match of text.matchAll(pattern)) {
      const value = match[0].replace(/[\s,]+$/, '');
      if (!/\d/.test(value)) continue;
      add('address', match.index!, match.index! + value.length);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
