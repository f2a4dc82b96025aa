/**
 * internal_kitchen (block, public and private) — GUIDE §3: never reveal the internal kitchen ("our director
 * refused", "the developer forgot"); speak as "we". Seed 004: "Я решила не давать вам скидку", "Директор не
 * хочет" → "мы решили", "мы, к сожалению, не сможем". Applies in private too: private replies get published.
 *
 * Fires when the draft
 * - names an internal role or colleague (director, management, manager, developer, SMM, operator, billing,
 *   warehouse manager, "наш сотрудник", "one of our devs", "your account manager Pavel") together, in the same
 *   sentence, with what that person decided, failed at or suffered: refused, forbade, did not approve or fund,
 *   forgot, messed up, pushed without review, left/quit, was fired, is on sick leave or on holiday, never
 *   checked, promised;
 * - tells internal staffing, budget or discipline: "не хватает людей", "understaffed", "бюджет на CRM не
 *   выделили", "has been spoken to", "written up", "получил выговор".
 * Escalating to a role ("передали руководителю сервиса") or "our engineers are working on it" is fine.
 */
import type { TextSpan } from '../reply-policy.types';
import { PhraseSet } from '../text/pattern';
import { say, type ReplyRule } from './reply-rule';

const INTERNAL_ROLE = new PhraseSet([
  'директор~',
  'руководств~',
  'руководител~',
  'начальств~',
  'начальник~',
  'управляющ~',
  'менеджер~',
  'разработчик~',
  'программист~',
  'девелопер~',
  'админ~',
  'бухгалтер~',
  'бухгалтери~',
  'юрист~',
  'smm~',
  'смм~',
  'оператор~',
  'сотрудник~',
  'стажер~',
  'коллег~',
  'мастер~',
  'кладовщик~',
  'логист~',
  'курьер~',
  'водител~',
  'director',
  'management',
  'manager',
  'boss',
  'ceo',
  'cfo',
  'head of',
  'supervisor',
  'developers?',
  'devs?',
  'programmer',
  'accountant',
  'billing',
  'legal',
  'lawyers?',
  'intern',
  'courier',
  'driver',
  'agent',
  'operator',
  'colleague',
  'employee',
  'staff member',
  'team lead',
  'admin',
  'sysadmin',
  'he',
  'she',
]);

const REVEALING_ACT = new PhraseSet([
  'отказал~',
  'отказыва~',
  'запретил~',
  'запрещ~',
  'не разрешил~',
  'не разрешает',
  'не согласовал~',
  'не одобрил~',
  'не утвердил~',
  'не выделил~',
  'решил~ не',
  'не хоч~',
  'забыл~',
  'ошибся',
  'ошиблась',
  'напутал~',
  'перепутал~',
  'накосячил~',
  'не передал~',
  'не проверил~',
  'не посмотрел~',
  'проспал~',
  'уволил~',
  'уволен~',
  '(?:ушел|ушла|ушли) (?:из компании|от нас|в отпуск|на больничн~|не передав~|без передачи)',
  'уволил~ся',
  'на больничном',
  'в отпуске',
  'заболел~',
  'наказан~',
  'выговор~',
  'премии',
  'не успева~',
  'не справля~',
  'обещал~',
  'отстранил~',
  'отстранен~',
  'новеньк~',
  'неопытн~',
  'suspended',
  'inexperienced',
  'new (?:guy|hire|starter|joiner)',
  'сломал~',
  'выкатил~',
  'залил~',
  'refused',
  'declined',
  "won't (?:approve|allow|sign off|let)",
  "(?:didn't|did not|never) (?:approve|allow|sign off|hand over|handed over|check|checked|review|test|tell|told|read)",
  'never (?:checked|handed|reviewed|told|read)',
  'forgot',
  'messed up',
  'screwed up',
  'broke',
  'left (?:the company|us|the team|without|last (?:week|month)|and (?:nobody|no one))',
  'quit',
  'fired',
  'on sick leave',
  'off sick',
  'on (?:vacation|holiday|leave)',
  'promised',
  'without (?:review|approval|testing|handing over)',
  'decided not to',
]);

const INTERNAL_AFFAIRS = new PhraseSet([
  'не хватает (?:людей|сотрудников|рук|персонала|курьеров|операторов)',
  'нехватк~ (?:персонала|сотрудников|людей|кадров)',
  'бюджет~',
  '(?:был|получил~?|объявили) (?:выговор|нагоняй)',
  '(?:его|ее|их) (?:уже )?(?:наказали|уволили|лишили премии)',
  'нам (?:запретили|не разрешают|не разрешили)',
  'до официального заявления',
  'understaffed',
  'short[- ]staffed',
  'short of (?:staff|people|hands)',
  'budget',
  "(?:he|she|they)(?:'s| has| have| was| were) been (?:spoken to|written up|disciplined|fired|reprimanded|let go)",
  'written up',
  'has been (?:disciplined|reprimanded|let go|suspended|dismissed|fired|taken off)',
  "(?:we're|we are) not allowed to",
  'total mess on our side',
]);

export const internalKitchenRule: ReplyRule = {
  id: 'internal_kitchen',
  check(context) {
    const { folded, sentences } = context.draft;
    const spans: TextSpan[] = [...INTERNAL_AFFAIRS.find(folded)];
    for (const sentence of sentences) {
      const roles = INTERNAL_ROLE.find(folded, sentence.start, sentence.end);
      if (roles.length === 0) continue;
      const acts = REVEALING_ACT.find(folded, sentence.start, sentence.end);
      for (const role of roles) {
        const act = acts.find((candidate) => Math.abs(candidate.start - role.start) <= 70);
        if (act) spans.push({ start: Math.min(role.start, act.start), end: Math.max(role.end, act.end) });
      }
    }
    if (spans.length === 0) return null;
    return {
      spans,
      message: say(context.locale, {
        ru: 'Ответ раскрывает внутреннюю кухню (кто из сотрудников что решил или не сделал, штат, бюджет): говорите от имени компании, «мы».',
        en: 'The reply reveals the internal kitchen (which colleague decided or failed what, staffing, budget): speak as the company, "we".',
      }),
    };
  },
};
