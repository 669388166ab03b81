export * from './envelope';
export * from './keys';
export { cryptoBoxSeal, cryptoBoxSealOpen } from './sealed-box';
