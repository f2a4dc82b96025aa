import { ConfigError, loadConfig, redactUrl } from './config';

describe('configuration', () => {
  it('starts on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseUrl: null, redisUrl: null, queueBackend: 'auto', port: 3000, role: 'all', workerQueues: [], readPoolSize: 4 });
    expect(loadConfig({ OTKLIK_READ_POOL_SIZE: '12' }).readPoolSize).toBe(12);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'DATABASE_URL: must start with postgres:// or postgresql://'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL: is not a valid URL'],
    [{ REDIS_URL: 'http://localhost:6379' }, 'REDIS_URL: must start with redis:// or rediss://'],
    [{ PORT: 'eighty' }, 'PORT: must be a whole number'],
    [{ PORT: '70000' }, 'PORT: must be between 0 and 65535'],
    [{ OTKLIK_READ_POOL_SIZE: '0' }, 'OTKLIK_READ_POOL_SIZE: must be between 1 and 100'],
    [{ OTKLIK_QUEUE_BACKEND: 'kafka' }, 'OTKLIK_QUEUE_BACKEND: must be one of auto, redis, postgres'],
    [{ OTKLIK_SECRET_KEY: 'short' }, 'OTKLIK_SECRET_KEY: must be 32 bytes'],
    [
      { OTKLIK_OUTBOUND_ALLOW: '10.0.0.0/8,intranet.local' },
      'OTKLIK_OUTBOUND_ALLOW: must be a comma-separated list of address ranges such as 10.1.2.0/24 or fd00::/8 (got "intranet.local")',
    ],
    [{ OTKLIK_OUTBOUND_ALLOW: '10.0.0.0/33' }, 'OTKLIK_OUTBOUND_ALLOW: must be a comma-separated list of address ranges'],
    [{ OTKLIK_OUTBOUND_ALLOW: 'fd00::/129' }, 'OTKLIK_OUTBOUND_ALLOW: must be a comma-separated list of address ranges'],
    [{ OTKLIK_OUTBOUND_ALLOW: '10.0.0.0/8/8' }, 'OTKLIK_OUTBOUND_ALLOW: must be a comma-separated list of address ranges'],
  ])('names the bad setting: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('allows no private address range for outbound requests unless told, and reads the ranges it is told', () => {
    expect(loadConfig({}).outboundAllow).toEqual([]);
    expect(loadConfig({ OTKLIK_OUTBOUND_ALLOW: ' 127.0.0.1/32, 10.1.2.0/24 ,fd00::/8,192.168.5.5' }).outboundAllow).toEqual([
      { address: '127.0.0.1', family: 4, prefix: 32 },
      { address: '10.1.2.0', family: 4, prefix: 24 },
      { address: 'fd00::', family: 6, prefix: 8 },
      { address: '192.168.5.5', family: 4, prefix: 32 },
    ]);
  });

  it('never echoes a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:hunter2@h/db' })).toThrow(/u:\*\*\*@h/);
    expect(redactUrl('redis://:s3cret@127.0.0.1:6379')).toBe('redis://:***@127.0.0.1:6379');
  });
});
