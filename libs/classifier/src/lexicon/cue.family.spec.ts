import { MONEY_LOSS } from './complaint.lexicon';
import { CueIndex, cueFamily, findCues } from './cue.family';

describe('cue families', () => {
  it('expands word endings, word breaks and gaps, on word boundaries only', () => {
    const family = cueFamily('test', ['перезвон~', 'called .. times', 'on hold']);
    const phrases = (text: string) => findCues(family, text).map((hit) => hit.phrase);
    expect(phrases('обещали перезвонить, не перезвонили')).toEqual(['перезвонить', 'перезвонили']);
    expect(phrases('i called them five times')).toEqual(['called them five times']);
    expect(phrases('i was on hold, on-hold again')).toEqual(['on hold', 'on-hold']);
    expect(phrases('phone holder is on holdout')).toEqual([]);
  });

  it('splits leading alternatives into variants keyed by their first word', () => {
    const family = cueFamily('test', ['(?:never|didn\'t) (?:called|replied) back', '(?:a |the )?bot (?:says|said)', '^same', '\\d+ ?min queue']);
    const phrases = (text: string) => findCues(family, text).map((hit) => hit.phrase);
    expect(phrases("they didn't replied back and the bot said no")).toEqual(["didn't replied back", 'the bot said']);
    expect(phrases('same here. not the same')).toEqual(['same']);
    expect(phrases('35 min queue')).toEqual(['35 min queue']);
  });

  it('matches many families in one pass', () => {
    const index = new CueIndex([cueFamily('a', ['не работа~']), cueFamily('b', ['работа~'])]);
    const hits = index.match('приложение не работает');
    expect(hits.get('a')?.map((hit) => hit.phrase)).toEqual(['не работает']);
    expect(hits.get('b')?.map((hit) => hit.phrase)).toEqual(['работает']);
  });

  it('needs \\d+ for a number of any length: the word-boundary guard stops a bare \\d at one digit', () => {
    expect(findCues(cueFamily('test', ['paid \\d']), 'paid 1500 today')).toEqual([]);
    expect(findCues(cueFamily('test', ['paid \\d+']), 'paid 1500 today').map((hit) => hit.phrase)).toEqual(['paid 1500']);
    // the money-loss family reads amounts of any length
    expect(findCues(MONEY_LOSS, 'вчера списали 15 000 без спроса').length).toBeGreaterThan(0);
    expect(findCues(MONEY_LOSS, 'lost $250 on this').length).toBeGreaterThan(0);
  });
});
