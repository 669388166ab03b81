export * from './tenancy';
export * from './hosting';
export * from './audit';
export * from './pool';
export * from './alerts';
