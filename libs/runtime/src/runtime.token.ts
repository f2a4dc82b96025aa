/** The resolved runtime (configuration, connections, secret key), provided by the core module. */
export const RUNTIME = Symbol('RUNTIME');
