export * from './labels';
export * from './mention';
export * from './corpus';
export * from './metrics';
export * from './triage';
