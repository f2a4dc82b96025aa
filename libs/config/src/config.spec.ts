import { ConfigError, loadConfig, redactUrl } from './config';

describe('configuration', () => {
  it('starts on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseUrl: null, redisUrl: null, queueBackend: 'auto', port: 3000, role: 'all', workerQueues: [] });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'DATABASE_URL: must start with postgres:// or postgresql://'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL: is not a valid URL'],
    [{ REDIS_URL: 'http://localhost:6379' }, 'REDIS_URL: must start with redis:// or rediss://'],
    [{ PORT: 'eighty' }, 'PORT: must be a whole number'],
    [{ PORT: '70000' }, 'PORT: must be between 0 and 65535'],
    [{ OTKLIK_QUEUE_BACKEND: 'kafka' }, 'OTKLIK_QUEUE_BACKEND: must be one of auto, redis, postgres'],
    [{ OTKLIK_SECRET_KEY: 'short' }, 'OTKLIK_SECRET_KEY: must be 32 bytes'],
  ])('names the bad setting: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:hunter2@h/db' })).toThrow(/u:\*\*\*@h/);
    expect(redactUrl('redis://:s3cret@127.0.0.1:6379')).toBe('redis://:***@127.0.0.1:6379');
  });
});
