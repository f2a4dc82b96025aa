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
 *   A role is also a unit, a shift or a contractor working for us: "подрядчик перепутал адреса", "наш IT-отдел
 *   выкатил обновление без тестирования", "the night shift forgot", "our outsourced call centre doesn't have
 *   access"; an act whose subject is the customer ("оператор предложил, но вы отказались") is not the role's;
 * - shifts the fault between "the system" and the people: "операторы тут ни при чём", "our staff had nothing to
 *   do with it", "it's the system's fault", "служба доставки у нас на аутсорсе";
 * - tells internal staffing, budget or discipline: "не хватает людей", "understaffed", "бюджет на CRM не
 *   выделили", "has been spoken to", "written up", "получил выговор".
 * Escalating to a role ("передали руководителю сервиса"), "our engineers are working on it", "разработчики
 * выкатили исправление" and a plain "технический сбой" are fine.
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
  // Units, shifts and contractors are colleagues too: "подрядчик перепутал", "наш IT-отдел выкатил без тестов".
  'подрядчик~',
  'субподрядчик~',
  'отдел(?:а|у|ом|е|ы|ов)?',
  'бухгалтери~',
  'служб~ (?:доставки|поддержки|безопасности)',
  'колл-центр~',
  'call-центр~',
  '(?:ночн~|дневн~|дежурн~|вечерн~|утренн~) смен~',
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
  'contractors?',
  'subcontractors?',
  '(?:it|tech|engineering|billing|support|warehouse|delivery|logistics|accounts|finance|legal|security|qa|dev|ops|returns|payments) (?:department|dept|team|guys|folks|people)',
  'departments?',
  '(?:night|day|morning|evening|weekend|late) shift',
  'call (?:cent(?:re|er)|centre|center) (?:team|staff|agents?)?',
  'call cent(?:re|er)',
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
  'не успел~',
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
  // Shipping a change is news only when it went out without the usual checks ("выкатили исправление" is fine).
  'выкатил~ [^.!?]{0,40}без (?:тест|провер|соглас|ревью)~',
  'залил~ [^.!?]{0,40}без (?:тест|провер|соглас|ревью)~',
  'потерял(?:а|и)?',
  'не имеют доступа|не имеет доступа|нет доступа',
  'refused',
  'mix(?:es|ed|ing)? up',
  'keeps? (?:mixing|forgetting|losing|messing|getting \\p{L}+ wrong)',
  'lost',
  'misplaced',
  "(?:doesn't|don't|didn't|does not|do not|did not) have (?:access|the (?:rights|permissions|authority|tools))",
  '(?:is|are|was|were) (?:a (?:mess|disaster|nightmare)|overwhelmed|swamped|overloaded)',
  'out sick',
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
  // Shifting the fault between "the system" and the people: the customer hears the internal kitchen either way.
  '(?:сотрудник~|оператор~|менеджер~|курьер~|персонал~|специалист~|мы|люди) (?:тут |здесь |к этому )?(?:совершенно |абсолютно )?ни при ч[е]м',
  '(?:виноват~|ошиб~) (?:сама )?систем~',
  'систем~ (?:сама|виновата|ошиблась)',
  'на аутсорсе',
  "(?:staff|team|agents?|operators?|employees?|people|colleagues|we|they) (?:had|have|has) (?:absolutely )?nothing to do with (?:it|this|that)",
  "(?:it's|it is|it was|that's|this is|this was) (?:the|a) system(?:'s)? (?:fault|error|doing|mistake)",
  'blame (?:the|our) system',
  '(?:half|most|some|many) of (?:them|the team|our team|our staff|the staff) (?:are|is|were) (?:out|off|sick|away|on leave)',
  'outsourced',
]);

/** The customer as the subject right before an act: "вы отказались", "you declined", "вы от него отказались". */
const CUSTOMER_SUBJECT = /(?:^|[^\p{L}])(?:вы|you)(?:\s+(?:же|сами|от\s+\p{L}+|have|had|then))*\s+$/u;

export const internalKitchenRule: ReplyRule = {
  id: 'internal_kitchen',
  check(context) {
    const { folded, sentences } = context.draft;
    const spans: TextSpan[] = [...INTERNAL_AFFAIRS.find(folded)];
    for (const sentence of sentences) {
      const roles = INTERNAL_ROLE.find(folded, sentence.start, sentence.end);
      if (roles.length === 0) continue;
      // "оператор предложил, но вы отказались": an act whose subject is the customer is not a colleague's.
      const acts = REVEALING_ACT.find(folded, sentence.start, sentence.end).filter((act) => !CUSTOMER_SUBJECT.test(folded.slice(Math.max(sentence.start, act.start - 24), act.start)));
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
