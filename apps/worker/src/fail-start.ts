import { ConfigError } from '@otklik/config';

/** A failed start is one line naming the setting and why (stack traces only with OTKLIK_DEBUG=1). */
export function failStart(error: unknown): never {
  const message = error instanceof ConfigError ? `configuration error: ${error.message}` : (error as Error).message;
  process.stderr.write(`otklik: cannot start: ${message}\n`);
  if (process.env.OTKLIK_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
}
