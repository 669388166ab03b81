export * from './tenancy';
export * from './hosting';
export * from './audit';
export * from './pool';
export * from './alerts';
export * from './edge';
export * from './telemetry';
export * from './market';
