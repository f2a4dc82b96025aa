import { StreamingClassifier } from './streaming.classifier';
import { at, mentionOf } from './testing/mention.fixture';

describe('StreamingClassifier', () => {
  it('holds mentions until their cluster ids are final, then releases them in input order', () => {
    const classifier = new StreamingClassifier();
    const texts = [
      'Polyana Telecom, интернет пропал во всём доме',
      'no internet from Polyana Telecom since the morning, whole street is offline',
      'Поляна Телеком лёг, у меня тоже нет сети',
    ];
    const released = texts.flatMap((text, i) =>
      classifier.push(mentionOf(text, { externalId: `s${i}`, publishedAt: at(i * 5), brand: 'Polyana Telecom', author: { id: `x:s${i}` } })),
    );
    expect(released).toEqual([]);
    const later = classifier.push(mentionOf('Mayak Bank, please add dark mode', { externalId: 'later', publishedAt: at(600) }));
    expect(later.map((done) => done.mention.externalId)).toEqual(['s0', 's1', 's2']);
    expect(later.every((done) => done.labels.incident === 'inc-s0')).toBe(true);
    expect(later[0].labels.severity).toBe('high');
    expect(classifier.flush().map((done) => done.mention.externalId)).toEqual(['later']);
  });

  it('uses the thread it has seen: a jeer under someone else\'s complaint is piling_on', () => {
    const classifier = new StreamingClassifier();
    classifier.push(mentionOf('Mayak Bank blocked my card after a transfer to my mother and the chat only says "wait". Third day without money!', { externalId: 'root', threadExternalId: 'th' }));
    classifier.push(mentionOf('lol Mayak Bank strikes again, typical', { externalId: 'reply', threadExternalId: 'th', inReplyTo: 'root', publishedAt: at(3) }));
    const [root, reply] = classifier.flush();
    expect(root.labels.intent).toBe('problem');
    expect(reply.labels).toMatchObject({ intent: 'other', cause: 'piling_on', severity: 'low' });
  });

  it('remembers an author\'s unanswered complaint and stops counting it once the brand answers', () => {
    const run = (brandAnswers: boolean) => {
      const classifier = new StreamingClassifier();
      const author = { id: 'x:repeat-customer' };
      classifier.push(mentionOf('Mayak Bank, my transfer to another bank is stuck for 3 days', { externalId: 'first', threadExternalId: 'first', author }));
      if (brandAnswers) {
        classifier.push(mentionOf('We are sorry about the transfer, please write to us in DM', { externalId: 'answer', threadExternalId: 'first', inReplyTo: 'first', publishedAt: at(20), author: { id: 'x:brand', kind: 'brand' } }));
      }
      classifier.push(mentionOf('Mayak Bank, the transfer is still not there. Still waiting.', { externalId: 'second', threadExternalId: 'second', publishedAt: at(24 * 60), author }));
      return classifier.flush().find((done) => done.mention.externalId === 'second')!.labels;
    };
    const ignored = run(false);
    expect(ignored.cause).toBe('staff_inattention');
    expect(ignored.severity).toBe('high');
    expect(run(true).cause).toBe('product_defect');
  });

  it('labels a paraphrased attack from fresh accounts black_pr and leaves a genuine complaint alone', () => {
    const classifier = new StreamingClassifier();
    const attack = [
      'FreshBox meal kits made my whole family sick. Spoiled chicken, rotten veggies. Avoid FreshBox, switch to GreenPlate instead!',
      'Warning: FreshBox sends spoiled meat. My kids got food poisoning. GreenPlate is so much safer.',
      'Never order from FreshBox. Rotten vegetables and spoiled chicken, we all got sick. Try GreenPlate.',
      'Do not trust FreshBox, the chicken was spoiled and my family got sick. GreenPlate never had this problem.',
    ];
    attack.forEach((text, i) =>
      classifier.push(mentionOf(text, { externalId: `fb${i}`, brand: 'FreshBox', publishedAt: at(i * 7), author: { id: `x:new${i}`, followers: 5 + i, accountCreatedAt: at(-60 * 24 * (3 + i)) } })),
    );
    classifier.push(mentionOf('FreshBox delivered my box 2 hours late yesterday and the ice packs had melted. Support refunded one meal.', { externalId: 'genuine', brand: 'FreshBox', publishedAt: at(40) }));
    const labels = new Map(classifier.flush().map((done) => [done.mention.externalId, done.labels]));
    for (let i = 0; i < attack.length; i += 1) expect(labels.get(`fb${i}`)).toMatchObject({ intent: 'problem', cause: 'black_pr', severity: 'high', campaign: 'camp-fb0' });
    expect(labels.get('genuine')).toMatchObject({ intent: 'problem', cause: 'product_defect', campaign: null });
  });

  it('keeps memory bounded by its windows on a long stream', () => {
    const classifier = new StreamingClassifier({ threadWindowMs: 60 * 60_000, authorWindowMs: 60 * 60_000 });
    let released = 0;
    for (let i = 0; i < 3_000; i += 1) {
      released += classifier.push(mentionOf(`Mayak Bank question number ${i}: how do I change my PIN?`, { externalId: `q${i}`, publishedAt: at(i * 2), author: { id: `x:q${i}` } })).length;
    }
    const memory = classifier.memory;
    expect(memory.pending).toBeLessThan(200);
    expect(memory.threads).toBeLessThan(100);
    expect(memory.authors).toBeLessThan(100);
    expect(released + classifier.flush().length).toBe(3_000);
  });
});
