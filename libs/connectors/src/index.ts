export * from './connector';
export * from './connector-error';
