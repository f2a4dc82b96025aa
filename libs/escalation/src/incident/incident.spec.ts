import type { MentionInput } from '@otklik/domain';
import { assessIncident } from './incident-assessment';
import { assessScope } from './incident-scope.rule';
import { draftIncidentStatements } from './incident-statement.draft';
import { formatIncidentTime } from './incident-time.format';
import { measureVelocity } from './incident-velocity';
import { estimateMediaPickup } from './media-pickup.estimate';
import { extractPlaces } from './place-gazetteer';

let counter = 0;
function mention(text: string, options: { minute?: number; author?: string; kind?: MentionInput['author']['kind'] } = {}): MentionInput {
  counter += 1;
  return {
    externalId: `m-${counter}`,
    channel: 'vk',
    lang: null,
    publishedAt: new Date(Date.UTC(2026, 1, 3, 8, 0) + (options.minute ?? counter) * 60_000).toISOString(),
    isPrivate: false,
    author: { id: options.author ?? `vk:${counter}`, handle: null, followers: 100, accountCreatedAt: null, verified: false, kind: options.kind ?? 'person' },
    threadExternalId: `m-${counter}`,
    inReplyTo: null,
    brand: null,
    text,
  };
}

describe('place gazetteer', () => {
  it.each([
    ['Нет интернета в Нижнем Новгороде с утра', 'nizhny-novgorod'],
    ['В Москве тоже лежит', 'moscow'],
    ['из Казани пишу', 'kazan'],
    ['Подмосковье, Одинцово — то же самое', 'moscow-oblast'],
    ['outage in St. Petersburg since 9am', 'spb'],
    ['Almaty here, same', 'almaty'],
    ['в Уфе не работает', 'ufa'],
  ])('%s → %s', (text, id) => {
    expect(extractPlaces(text).map((place) => place.id)).toContain(id);
  });

  it('does not see places inside other words', () => {
    expect(extractPlaces('уфолог рассказал про тулуп и сказано было много')).toEqual([]);
  });
});

describe('assessScope', () => {
  it('one customer is a single incident even if they name a city', () => {
    const scope = assessScope([mention('В Самаре не проходит оплата', { author: 'a' }), mention('Всё ещё не проходит, Самара', { author: 'a' })]);
    expect(scope.scope).toBe('single');
  });

  it('several people in one city (in its case forms) are regional', () => {
    const scope = assessScope([mention('В Нижнем Новгороде нет связи'), mention('Нижний Новгород, Сормово — тоже'), mention('нижегородская область, Бор: аналогично'), mention('и у меня')]);
    expect(scope.scope).toBe('regional');
    expect(scope.areas).toBe(1);
    expect(scope.confidence).toBe('high');
  });

  it('three areas of one country are national', () => {
    const scope = assessScope([mention('Москва — не работает'), mention('Казань тоже'), mention('in Novosibirsk the app is down'), mention('same')]);
    expect(scope.scope).toBe('national');
    expect(scope.countries).toEqual(['RU']);
  });

  it('"everywhere in the country" from several people is national', () => {
    expect(assessScope([mention('похоже, лежит по всей стране'), mention('nationwide outage?'), mention('у меня тоже')]).scope).toBe('national');
  });

  it('places in two countries are global', () => {
    const scope = assessScope([mention('Москва: не работает'), mention('Almaty: down too'), mention('Минск — аналогично')]);
    expect(scope.scope).toBe('global');
    expect(scope.countries).toEqual(['BY', 'KZ', 'RU']);
  });

  it('many people and no places is national with low confidence; a few is regional, low', () => {
    const many = Array.from({ length: 35 }, () => mention('the app is down'));
    expect(assessScope(many)).toMatchObject({ scope: 'national', confidence: 'low' });
    expect(assessScope(many.slice(0, 5))).toMatchObject({ scope: 'regional', confidence: 'low' });
  });

  it('ignores the brand and media as affected authors', () => {
    const scope = assessScope([mention('Плановые работы в Москве', { kind: 'brand' }), mention('В Москве сбой у провайдера', { kind: 'media' }), mention('не работает')]);
    expect(scope.authors).toBe(1);
    expect(scope.scope).toBe('single');
  });
});

describe('measureVelocity', () => {
  it('counts mentions per hour over the window ending at the latest mention, on event time', () => {
    const mentions = [...Array.from({ length: 4 }, (_, i) => mention('x', { minute: i * 15 })), ...Array.from({ length: 30 }, (_, i) => mention('y', { minute: 60 + i * 2 }))];
    const velocity = measureVelocity(mentions, 60);
    expect(velocity.mentions).toBe(34);
    expect(velocity.perHour).toBe(30);
    expect(velocity.trend).toBe('growing');
    expect(velocity.affected).toBe(34);
  });
});

describe('estimateMediaPickup', () => {
  const at = '2026-02-03T08:00:00.000Z';

  it('is already public when a media account or a journalist is involved', () => {
    expect(estimateMediaPickup({ affectedPublic: 3, velocityPerHour: 1, mediaInvolved: true, at }).horizon).toBe('already_public');
  });

  it('thousands affected: next day, or the same day when it spreads fast', () => {
    const slow = estimateMediaPickup({ affectedPublic: 20, knownAffected: 5000, velocityPerHour: 8, mediaInvolved: false, at });
    expect(slow.horizon).toBe('next_day');
    expect(slow.estimatedAffected).toBe(5000);
    expect(Date.parse(slow.expectedFrom!) - Date.parse(at)).toBe(12 * 3_600_000);
    const fast = estimateMediaPickup({ affectedPublic: 150, velocityPerHour: 60, mediaInvolved: false, at });
    expect(fast.horizon).toBe('same_day');
    expect(fast.explanation.join(' ')).toMatch(/1500 affected/);
    expect(fast.responseWindowHours).toEqual([2, 24]);
  });

  it('a handful affected is unlikely to reach the press', () => {
    const estimate = estimateMediaPickup({ affectedPublic: 3, velocityPerHour: 1, mediaInvolved: false, at });
    expect(estimate.horizon).toBe('unlikely');
    expect(estimate.expectedBy).toBeNull();
  });
});

describe('assessIncident', () => {
  it('names the mention that made it public', () => {
    const assessment = assessIncident([mention('не работает в Казани'), mention('Журналист «Вечерних новостей»: готовим материал, прокомментируете?'), mention('и у меня, Казань')]);
    expect(assessment?.media.horizon).toBe('already_public');
    expect(assessment?.mediaMentionId).toMatch(/^m-/);
  });

  it('returns null for no mentions', () => {
    expect(assessIncident([])).toBeNull();
  });
});

describe('statements', () => {
  const base = {
    whatHappened: { ru: 'сбой при оплате картой в мобильном приложении', en: 'card payments failing in the mobile app' },
    handlesCriticalData: true,
    criticalDataAffected: false,
    timeZone: 'Europe/Moscow',
  };

  it('formats the ETA as HH:MM DD.MM.YYYY in the workspace time zone', () => {
    expect(formatIncidentTime('2026-01-21T15:30:00Z', 'Europe/Moscow')).toBe('18:30 21.01.2026');
    expect(formatIncidentTime('2026-01-21T23:05:00Z', 'Asia/Vladivostok')).toBe('09:05 22.01.2026');
    expect(() => formatIncidentTime('2026-01-21T15:30:00Z', 'Mars/Olympus')).toThrow(/timeZone: is not an IANA time zone/);
  });

  it('drafts "not yet fixed" with the ETA, the data sentence and a specific apology, in both languages', () => {
    const drafts = draftIncidentStatements({ ...base, eta: '2026-01-21T15:30:00Z', workaround: { ru: 'оплатить через сайт', en: 'pay on the website' } });
    expect(drafts.notFixed.ru).toContain('к 18:30 21.01.2026 (UTC+03:00)');
    expect(drafts.notFixed.en).toContain('by 18:30 21.01.2026 (UTC+03:00)');
    expect(drafts.notFixed.ru).toContain('сбой при оплате картой в мобильном приложении');
    expect(drafts.notFixed.ru).toMatch(/Платёжные реквизиты и персональные данные клиентов в безопасности/);
    expect(drafts.notFixed.en).toMatch(/Payment details and personal data are safe/);
    expect(drafts.notFixed.en).toMatch(/We are sorry for this disruption \(card payments failing in the mobile app\)/);
    expect(drafts.notFixed.en).toContain('Meanwhile, you can pay on the website.');
    expect(drafts.warnings).toEqual([]);
  });

  it('drafts "fixed" without an ETA', () => {
    const drafts = draftIncidentStatements({ ...base, detectedAt: '2026-01-21T09:10:00Z' });
    expect(drafts.fixed.ru).toMatch(/^21\.01\.2026 в 12:10 мы заметили неполадку: сбой при оплате картой/);
    expect(drafts.fixed.en).toMatch(/fully working again/);
    expect(drafts.fixed.en).not.toMatch(/\d\d:\d\d \d\d\.\d\d\.\d{4} \(/);
    expect(drafts.warnings.join(' ')).toMatch(/no ETA/);
  });

  it('mentions data only where the product handles such data, and flags affected data', () => {
    const noData = draftIncidentStatements({ ...base, handlesCriticalData: false, eta: '2026-01-21T15:30:00Z' });
    expect(noData.notFixed.ru).not.toMatch(/данн/);
    expect(noData.notFixed.en).not.toMatch(/data/i);
    const affected = draftIncidentStatements({ ...base, criticalDataAffected: true, eta: '2026-01-21T15:30:00Z' });
    expect(affected.notFixed.en).toMatch(/affected some customers’ data/);
    expect(affected.notFixed.en).not.toMatch(/are safe/);
    expect(affected.warnings.join(' ')).toMatch(/legal/);
  });

  it('does not copy the source text sentences', () => {
    const drafts = draftIncidentStatements({ ...base, eta: '2026-01-21T15:30:00Z' });
    const all = [drafts.fixed.ru, drafts.notFixed.ru].join(' ');
    for (const phrase of ['восстановлена в полном объеме', 'затронуты не были', 'доставленное неудобство', 'работают над его устранением', 'Мы рассчитываем восстановить']) {
      expect(all).not.toContain(phrase);
    }
  });

  it('requires a description and warns when one language is missing', () => {
    expect(() => draftIncidentStatements({ ...base, whatHappened: { ru: ' ' } })).toThrow(/whatHappened/);
    const drafts = draftIncidentStatements({ ...base, whatHappened: { ru: 'сбой входа в приложение' }, eta: '2026-01-21T15:30:00Z' });
    expect(drafts.notFixed.en).toContain('сбой входа в приложение');
    expect(drafts.warnings.join(' ')).toMatch(/no English text/);
  });
});
