export * from './runtime';
export * from './runtime.token';
export * from './core.module';
