/**
 * Statement drafts for PR (GUIDE §5), in Russian and English, in our own words:
 * - fixed: what happened, whether critical data was touched, that everything works again;
 * - not yet fixed: what happened, the data sentence, that the team is on it (and a workaround if there is one),
 *   when it should work again (`HH:MM DD.MM.YYYY`, workspace time zone), and a specific apology.
 * The data sentence appears only when the product handles payment or personal data at all: saying "your card
 * data is safe" for a food menu app would raise a worry nobody had.
 */
import { formatIncidentTime, formatUtcOffset, IncidentInputError } from './incident-time.format';

export interface LocalisedText {
  ru?: string;
  en?: string;
}

export interface StatementInput {
  /** What happened, as a short noun phrase written by PR, e.g. "a failure of card payments in the app". */
  whatHappened: LocalisedText | string;
  /** The product handles payment details or personal data. */
  handlesCriticalData: boolean;
  /** Payment details or personal data were affected (only read when handlesCriticalData). */
  criticalDataAffected: boolean;
  /** When the team noticed it (ISO), optional. */
  detectedAt?: string | null;
  /** Expected restore time (ISO) for the "not yet fixed" draft. */
  eta?: string | null;
  /** The workspace's IANA time zone, e.g. Europe/Moscow. */
  timeZone: string;
  /** What customers can do meanwhile, as an imperative clause, optional. */
  workaround?: LocalisedText | string | null;
  /** Where updates are posted, optional. */
  statusUrl?: string | null;
}

export interface StatementDrafts {
  fixed: { ru: string; en: string };
  notFixed: { ru: string; en: string };
  /** Things PR should look at before publishing. */
  warnings: string[];
}

function localised(value: LocalisedText | string | null | undefined, field: string, warnings: string[]): { ru: string; en: string } | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? { ru: value, en: value } : value;
  const ru = text.ru?.trim() || '';
  const en = text.en?.trim() || '';
  if (!ru && !en) return null;
  if (!ru) warnings.push(`${field}: no Russian text given, the Russian draft quotes the English one`);
  if (!en) warnings.push(`${field}: no English text given, the English draft quotes the Russian one`);
  return { ru: ru || en, en: en || ru };
}

const trimEnd = (text: string) => text.replace(/[.!\s]+$/u, '');

export function draftIncidentStatements(input: StatementInput): StatementDrafts {
  const warnings: string[] = [];
  const what = localised(input.whatHappened, 'whatHappened', warnings);
  if (!what) throw new IncidentInputError('whatHappened', 'a short description of what happened is required');
  what.ru = trimEnd(what.ru);
  what.en = trimEnd(what.en);
  const workaround = localised(input.workaround, 'workaround', warnings);
  // Validates the zone even when no time is printed, so a bad workspace setting surfaces now, not at 3 a.m.
  formatUtcOffset(new Date(0).toISOString(), input.timeZone, 'timeZone');

  const detected = input.detectedAt ? formatIncidentTime(input.detectedAt, input.timeZone, 'detectedAt').split(' ') : null;
  const openingRu = detected ? `${detected[1]} в ${detected[0]} мы заметили неполадку: ${what.ru}.` : `Мы заметили неполадку: ${what.ru}.`;
  const openingEn = detected ? `At ${detected[0]} on ${detected[1]} we noticed a problem: ${what.en}.` : `We noticed a problem: ${what.en}.`;

  let dataRu = '';
  let dataEn = '';
  if (input.handlesCriticalData) {
    if (input.criticalDataAffected) {
      dataRu = ' Сбой затронул данные части клиентов: мы свяжемся с каждым из них лично и расскажем, что делать.';
      dataEn = ' The failure affected some customers’ data: we will contact each of them directly and explain what to do.';
      warnings.push('critical data affected: agree the wording with legal; regulators and affected customers may need to be notified first');
    } else {
      dataRu = ' Платёжные реквизиты и персональные данные клиентов в безопасности: сбой их не коснулся.';
      dataEn = ' Payment details and personal data are safe: the failure did not touch them.';
    }
  }
  const statusRu = input.statusUrl ? ` Актуальный статус: ${input.statusUrl}` : '';
  const statusEn = input.statusUrl ? ` Current status: ${input.statusUrl}` : '';

  const fixed = {
    ru: `${openingRu}${dataRu} Причину мы нашли и устранили, сервис снова работает полностью. Спасибо всем, кто сообщил нам о проблеме.${statusRu}`,
    en: `${openingEn}${dataEn} We found the cause and fixed it, and the service is fully working again. Thank you to everyone who reported it.${statusEn}`,
  };

  let whenRu: string;
  let whenEn: string;
  if (input.eta) {
    const eta = formatIncidentTime(input.eta, input.timeZone, 'eta');
    const offset = formatUtcOffset(input.eta, input.timeZone, 'eta');
    whenRu = ` Ожидаем, что всё заработает к ${eta} (${offset}).`;
    whenEn = ` We expect it to work again by ${eta} (${offset}).`;
  } else {
    whenRu = ' Время восстановления сообщим, как только его подтвердят инженеры.';
    whenEn = ' We will give the expected restore time as soon as our engineers confirm it.';
    warnings.push('no ETA: customers want to know when it stops; ask engineering for a time (a workaround may come first)');
  }
  const meanwhileRu = workaround ? ` Пока идут работы, можно ${trimEnd(workaround.ru)}.` : '';
  const meanwhileEn = workaround ? ` Meanwhile, you can ${trimEnd(workaround.en)}.` : '';
  const notFixed = {
    ru: `${openingRu}${dataRu} Команда уже исправляет её.${meanwhileRu}${whenRu} Просим прощения за этот сбой (${what.ru}): мы понимаем, что он мешает вам, и напишем здесь, как только всё будет в порядке.${statusRu}`,
    en: `${openingEn}${dataEn} Our team is already fixing it.${meanwhileEn}${whenEn} We are sorry for this disruption (${what.en}): we know it gets in your way, and we will post here as soon as it is resolved.${statusEn}`,
  };
  return { fixed, notFixed, warnings };
}
