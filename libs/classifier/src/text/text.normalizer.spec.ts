import { normalizeText } from './text.normalizer';

describe('normalizeText', () => {
  it('restores the apostrophe of English negative contractions typed without it', () => {
    expect(normalizeText('CANT log in and the app doesnt load, i didnt change anything', 'en').folded).toBe("can't log in and the app doesn't load, i didn't change anything");
    // Words that merely end in -nt are left alone.
    expect(normalizeText('a significant want, I meant it', 'en').folded).toBe('a significant want, i meant it');
  });
});
