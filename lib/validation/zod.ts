export * as z from './zod-text';
