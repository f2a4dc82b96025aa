export * from './queue-names';
export * from './queue-backend';
export * from './bullmq-connection';
