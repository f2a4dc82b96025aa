export * from './queue-names';
export * from './queue-backend';
export * from './bullmq-connection';
export * from './inbox-events';
export * from './inbox-event-bus';
export * from './queue-producer';
