export * from './connector';
export * from './connector-error';
export * from './replay/replay.connector';
