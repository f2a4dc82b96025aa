export * from './place-gazetteer';
export * from './incident-scope.rule';
export * from './incident-velocity';
export * from './media-pickup.estimate';
export * from './incident-time.format';
export * from './incident-statement.draft';
export * from './incident-assessment';
