import { replyAllKey, withPosition } from './incident-reply-all.service';
import { bucketMinutes } from './incidents.service';

describe('incident helpers', () => {
  it('puts the company position after the opening sentence of each answer', () => {
    expect(withPosition('Thank you for writing. We checked your order. Write to us in DM.', 'Engineers are on it.')).toBe('Thank you for writing. Engineers are on it. We checked your order. Write to us in DM.');
    expect(withPosition('Спасибо, что написали!\nМы проверили.', 'Инженеры уже работают.')).toBe('Спасибо, что написали! Инженеры уже работают.\nМы проверили.');
    expect(withPosition('No sentence end', 'Position.')).toBe('No sentence end Position.');
    expect(withPosition('Unchanged.', undefined)).toBe('Unchanged.');
  });

  it('keys a reply by incident, action and mention', () => {
    expect(replyAllKey('i-1', '42')).toBe('incident:i-1:reply-all:42');
  });

  it('keeps the timeline to about 60 buckets or fewer', () => {
    expect(bucketMinutes(0)).toBe(5);
    expect(bucketMinutes(2 * 3_600_000)).toBe(5);
    expect(bucketMinutes(10 * 3_600_000)).toBe(15);
    expect(bucketMinutes(3 * 86_400_000)).toBe(180);
    expect(bucketMinutes(365 * 86_400_000)).toBe(1440);
  });
});
