import { dataSourceOptions, sessionOptions } from './data-source';

describe('dataSourceOptions', () => {
  const extra = (url: string) => (dataSourceOptions(url) as { extra: Record<string, unknown> }).extra;

  it('turns PostgreSQL JIT off for the product sessions', () => {
    expect(extra('postgres://postgres@127.0.0.1:5432/otklik').options).toBe('-c jit=off');
  });

  it('adds the settings a caller asks for', () => {
    expect(sessionOptions('postgres://h/db', '-c plan_cache_mode=force_generic_plan')).toEqual({ options: '-c jit=off -c plan_cache_mode=force_generic_plan' });
  });

  it('leaves session options to the operator when DATABASE_URL sets them', () => {
    expect(extra('postgres://postgres@127.0.0.1:5432/otklik?options=-c%20jit%3Don').options).toBeUndefined();
  });

  it('sizes the pool from the caller', () => {
    expect(dataSourceOptions('postgres://h/db', { poolSize: 3 })).toMatchObject({ extra: { max: 3 } });
  });
});
