import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDevDir } from '@otklik/config';
import { checkReply } from '../check-reply';
import type { ReplyMention } from '../reply-policy.types';
import { suggestReplies } from './suggest-replies';

interface CorpusMention {
  text: string;
  lang: string;
  channel: string;
  author: { handle?: string };
  labels: { intent: string; cause: string | null; sentiment: string };
}

function corpusMentions(): CorpusMention[] {
  const raw = readFileSync(join(corpusDevDir(), 'mentions.jsonl'), 'utf8');
  return raw
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as CorpusMention);
}

describe('suggestReplies', () => {
  it('gives two or three drafts that each pass checkReply with verdict ok, for every mention of the dev corpus', () => {
    const mentions = corpusMentions();
    expect(mentions.length).toBeGreaterThan(200);
    const owner = new Map<string, string>();
    for (const item of mentions) {
      const mention: ReplyMention = { text: item.text, lang: item.lang, authorName: item.author.handle ?? null };
      const suggestions = suggestReplies({ mention, channel: item.channel });
      expect(suggestions.length).toBeGreaterThanOrEqual(2);
      expect(suggestions.length).toBeLessThanOrEqual(3);
      for (const suggestion of suggestions) {
        expect(suggestion.lang).toBe(item.lang);
        // Re-checked from scratch, not trusting the attached result.
        expect(checkReply({ mention, draft: suggestion.text, visibility: 'public', channel: item.channel })).toEqual({ verdict: 'ok', violations: [] });
        expect(suggestion.text).not.toMatch(/проблем|problem/i);
        const previous = owner.get(suggestion.text);
        if (previous !== undefined) expect(previous).toBe(item.text);
        owner.set(suggestion.text, item.text);
      }
    }
  });

  it('gives different mentions different texts even when the author is unknown', () => {
    const owner = new Map<string, string>();
    for (const item of corpusMentions()) {
      for (const suggestion of suggestReplies({ mention: { text: item.text, lang: item.lang }, channel: item.channel })) {
        const previous = owner.get(suggestion.text);
        if (previous !== undefined) expect(previous).toBe(item.text);
        owner.set(suggestion.text, item.text);
      }
    }
  });

  it('also passes when the classifier labels are given', () => {
    for (const item of corpusMentions().slice(0, 80)) {
      const labels = { intent: item.labels.intent, cause: item.labels.cause, sentiment: item.labels.sentiment } as ReplyMention['labels'];
      const mention: ReplyMention = { text: item.text, lang: item.lang, labels };
      const suggestions = suggestReplies({ mention, channel: item.channel });
      expect(suggestions.length).toBeGreaterThanOrEqual(2);
      for (const suggestion of suggestions) expect(checkReply({ mention, draft: suggestion.text, visibility: 'public' }).verdict).toBe('ok');
    }
  });

  it('names what the mention is about, so two mentions never share a text', () => {
    const payment = suggestReplies({ mention: { text: 'Оплата картой не прошла, а деньги списались! Что делать?' } });
    const delivery = suggestReplies({ mention: { text: 'Курьер опоздал на 2 часа, ужин остыл.' } });
    expect(payment[0].text).toMatch(/сбой оплаты/);
    expect(delivery.some((reply) => /2 часа/.test(reply.text))).toBe(true);
    const texts = new Set([...payment, ...delivery].map((reply) => reply.text));
    expect(texts.size).toBe(payment.length + delivery.length);
  });

  it('takes ownership for staff inattention, stays calm for piling on and sticks to facts for black PR', () => {
    const ignored = suggestReplies({ mention: { text: 'I called your hotline five times this week and nobody ever called me back!', labels: { cause: 'staff_inattention', intent: 'problem', sentiment: 'negative' } } });
    expect(ignored.some((reply) => /senior specialist/.test(reply.text))).toBe(true);
    const piling = suggestReplies({ mention: { text: 'lol these guys are always like this', labels: { intent: 'other', cause: 'piling_on', sentiment: 'negative' } } });
    for (const reply of piling) expect(reply.text.split(/\s+/).length).toBeLessThan(45);
    const fake = 'Everyone: this shop sells counterfeit headphones! Ordered Buds Pro, got a fake. #BoycottShop see shop-truth.net';
    const facts = suggestReplies({ mention: { text: fake, labels: { intent: 'problem', cause: 'black_pr', sentiment: 'negative' } } });
    expect(facts.every((reply) => reply.approach === 'facts' || reply.approach === 'concise')).toBe(true);
    expect(facts.some((reply) => reply.text.includes('Buds Pro'))).toBe(true);
    for (const reply of facts) expect(reply.text).not.toMatch(/shop-truth|boycott/i);
  });

  it('speaks in the brand voice, uses e-mail where a channel has no direct messages, and stays in the chat when private', () => {
    const mention = { text: 'The app crashes every time I open my statements. Third day now!' };
    const agent = suggestReplies({ mention, policy: { brandVoice: { kind: 'agent', name: 'Maria', role: 'senior support specialist' } } });
    expect(agent.every((reply) => reply.text.includes('Maria, senior support specialist'))).toBe(true);
    const store = suggestReplies({ mention, channel: 'appstore', policy: { privateContact: 'help@bank.example' } });
    expect(store.every((reply) => reply.text.includes('help@bank.example'))).toBe(true);
    const direct = suggestReplies({ mention, visibility: 'private' });
    expect(direct.every((reply) => /in this chat/.test(reply.text))).toBe(true);
  });

  it('never repeats the personal data the customer posted', () => {
    const text = 'Перезвоните мне наконец! +7 903 555-12-40, заказ №ZX-778812, третий день жду ответа!!!';
    for (const reply of suggestReplies({ mention: { text, lang: 'ru' } })) {
      expect(reply.text).not.toMatch(/555|778812/);
    }
  });
});
