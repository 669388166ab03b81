export * from './envelope';
export * from './keys';
export { cryptoBoxSeal, cryptoBoxSealOpen } from './sealed-box';
export { COMMAND_SECRET_PREFIX, openCommandSecret, sealCommandSecret } from './command-secret';
