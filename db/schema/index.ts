export * from './tenancy';
export * from './hosting';
export * from './audit';
