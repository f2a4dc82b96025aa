export * from './paths';
export * from './config';
