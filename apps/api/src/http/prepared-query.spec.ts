import { types } from 'pg';
import { parseUtcTimestamp } from './prepared-query';

const generic = types.getTypeParser(1184) as (text: string) => Date | number;

describe('parseUtcTimestamp', () => {
  it.each([
    '2026-10-30 23:01:25.379123+00',
    '2026-10-30 23:01:25.379623+00',
    '2026-10-30 23:01:25+00',
    '2026-10-30 23:01:25.3+00',
    '1999-12-31 23:59:59.999999+00',
    '2026-03-01 08:00:00.123456+00',
  ])('reads %s as the generic parser does', (text) => {
    expect(parseUtcTimestamp(text).getTime()).toBe((generic(text) as Date).getTime());
  });

  it.each(['2026-10-30 23:01:25.379+03', '2026-10-30 23:01:25+05:30', '0044-03-15 12:00:00+00 BC', 'infinity', '-infinity'])(
    'hands %s to the generic parser',
    (text) => {
      const expected = generic(text);
      const actual = parseUtcTimestamp(text);
      if (expected instanceof Date) expect(actual.getTime()).toBe(expected.getTime());
      else expect(actual).toBe(expected);
    },
  );
});
