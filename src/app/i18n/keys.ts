/** The panel's message keys: those of the Japanese texts (the default); `en.ts` must have the same. */
import type { ja } from './ja';

export type MessageKey = keyof typeof ja;
