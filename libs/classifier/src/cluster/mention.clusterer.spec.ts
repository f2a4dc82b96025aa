import { MentionAnalyzer } from '../mention.analyzer';
import { labelMention } from '../mention.classifier';
import { at, mentionOf } from '../testing/mention.fixture';
import { clusterItemOf } from './cluster.item';
import { MentionClusterer } from './mention.clusterer';

const analyzer = new MentionAnalyzer();
function itemOf(text: string, overrides: Parameters<typeof mentionOf>[1] = {}) {
  const analysis = analyzer.analyze(mentionOf(text, overrides));
  return clusterItemOf(analysis, labelMention(analysis));
}

const fresh = (minutes: number, n: number) => ({
  publishedAt: at(minutes),
  brand: 'Pochta Express',
  author: { id: `vk:fresh-${n}`, followers: n * 3, accountCreatedAt: at(-60 * 24 * (2 + n)) },
});

const CAMPAIGN = [
  'Pochta Express теряет посылки и не возвращает деньги! Мою посылку вскрыли и украли телефон. Не отправляйте через них, только через БыстроПак',
  'Почта Экспресс украла мой телефон из посылки и отказалась возвращать деньги. Не отправляйте ничего, пользуйтесь БыстроПак',
  'ВНИМАНИЕ! Pochta Express вскрывает посылки, у меня украли телефон, деньги не вернули. Не отправляйте, лучше в БыстроПак',
  'Посылку вскрыли, телефон украли, Почта Экспресс деньги не возвращает. Не отправляйте там ничего! БыстроПак надёжнее',
];

describe('MentionClusterer', () => {
  describe('campaigns', () => {
    it('groups near-duplicates from fresh low-follower accounts in a burst, id from the first member', () => {
      const clusterer = new MentionClusterer();
      const results = CAMPAIGN.map((text, i) => clusterer.add(itemOf(text, { externalId: `c${i}`, ...fresh(i * 9, i) })));
      expect(results[0].assignment.campaign).toBeNull();
      expect(results[1].assignment.campaign).toBeNull();
      expect(results[2].assignment.campaign).toBe('camp-c0');
      expect(results[2].promoted.map((p) => p.externalId).sort()).toEqual(['c0', 'c1']);
      expect(results[3].assignment).toMatchObject({ campaign: 'camp-c0', incident: null });
    });

    it('does not turn one genuine complaint from a fresh account into a campaign', () => {
      const clusterer = new MentionClusterer();
      clusterer.add(itemOf(CAMPAIGN[0], { externalId: 'g0', ...fresh(0, 1) }));
      const genuine = clusterer.add(itemOf('Pochta Express, посылку из Казани потеряли, трек стоит на сортировке 12 дней, поддержка отвечает шаблоном', { externalId: 'g1', ...fresh(5, 2) }));
      const other = clusterer.add(itemOf('Pochta Express, курьер не пришёл в назначенное время, перенесли доставку уже дважды', { externalId: 'g2', ...fresh(9, 3) }));
      expect(genuine.assignment.campaign).toBeNull();
      expect(other.assignment.campaign).toBeNull();
    });

    it('needs fresh or low-follower accounts: the same words from established accounts are not a campaign', () => {
      const clusterer = new MentionClusterer();
      const results = CAMPAIGN.map((text, i) =>
        clusterer.add(itemOf(text, { externalId: `e${i}`, publishedAt: at(i * 9), brand: 'Pochta Express', author: { id: `vk:old-${i}`, followers: 900, accountCreatedAt: '2014-01-01T00:00:00Z' } })),
      );
      expect(results.every((result) => result.assignment.campaign === null)).toBe(true);
    });

    it('forgets posts outside the window', () => {
      const clusterer = new MentionClusterer({ campaignWindowMs: 60 * 60_000 });
      const results = CAMPAIGN.slice(0, 3).map((text, i) => clusterer.add(itemOf(text, { externalId: `w${i}`, ...fresh(i * 70, i) })));
      expect(results.every((result) => result.assignment.campaign === null)).toBe(true);
    });
  });

  describe('incidents', () => {
    const report = (id: string, minutes: number, text: string, thread = id) =>
      itemOf(text, { externalId: id, threadExternalId: thread, publishedAt: at(minutes), brand: 'Polyana Telecom', author: { id: `x:${id}` } });

    it('opens an incident when three people report the same failure within the window, then lets related mentions join', () => {
      const clusterer = new MentionClusterer();
      const a = clusterer.add(report('i1', 0, 'Polyana Telecom, интернет пропал во всём доме, роутер мигает красным'));
      const b = clusterer.add(report('i2', 6, '@polyana_help no internet in the whole building since 8am, any ETA?'));
      expect(a.assignment.incident).toBeNull();
      expect(b.assignment.incident).toBeNull();
      const c = clusterer.add(report('i3', 12, 'У кого ещё Поляна Телеком отвалилась? Сеть не ловит совсем'));
      expect(c.assignment.incident).toBe('inc-i1');
      expect(c.promoted.map((p) => p.externalId).sort()).toEqual(['i1', 'i2']);
      const pile = clusterer.add(report('i4', 30, 'Polyana Telecom как всегда, ничего нового 🙄'));
      expect(pile.assignment.incident).toBe('inc-i1');
      const restored = clusterer.add(report('i5', 80, 'Ура, интернет дали! Спасибо ремонтникам'));
      expect(restored.assignment.incident).toBe('inc-i1');
      const unrelated = clusterer.add(report('i6', 90, 'Polyana Telecom, подскажите тарифы для дачи?'));
      expect(unrelated.assignment.incident).toBeNull();
    });

    it('does not count replies inside one thread as independent reports', () => {
      const clusterer = new MentionClusterer();
      clusterer.add(report('r1', 0, 'Polyana Telecom, интернет пропал, роутер мигает красным', 'thread-1'));
      clusterer.add(report('r2', 3, 'у меня тоже интернет пропал', 'thread-1'));
      const third = clusterer.add(report('r3', 6, 'и у нас интернет не работает', 'thread-1'));
      expect(third.assignment.incident).toBeNull();
    });

    it('keeps brands apart and closes an incident after a quiet gap', () => {
      const clusterer = new MentionClusterer({ incidentGapMs: 30 * 60_000 });
      clusterer.add(report('k1', 0, 'Polyana Telecom интернет не работает'));
      clusterer.add(report('k2', 2, 'no internet from Polyana Telecom here either'));
      clusterer.add(report('k3', 4, 'Поляна Телеком лёг, интернета нет'));
      const otherBrand = clusterer.add(itemOf('Mayak Bank app is down, cannot log in', { externalId: 'k4', publishedAt: at(5) }));
      expect(otherBrand.assignment.incident).toBeNull();
      const late = clusterer.add(report('k5', 120, 'Polyana Telecom интернет опять не работает'));
      expect(late.assignment.incident).toBeNull();
    });
  });

  it('serialises to plain JSON and continues the stream after restoring', () => {
    const clusterer = new MentionClusterer();
    clusterer.add(itemOf(CAMPAIGN[0], { externalId: 's0', ...fresh(0, 0) }));
    clusterer.add(itemOf(CAMPAIGN[1], { externalId: 's1', ...fresh(7, 1) }));
    const saved = JSON.parse(JSON.stringify(clusterer.toJSON()));
    const restored = MentionClusterer.fromJSON(saved);
    const third = restored.add(itemOf(CAMPAIGN[2], { externalId: 's2', ...fresh(14, 2) }));
    expect(third.assignment.campaign).toBe('camp-s0');
    expect(() => MentionClusterer.fromJSON({ version: 2 })).toThrow(/not a MentionClusterer state/);
  });
});
