/** Stands in for src/core/lazy.ts in dist/razylyk.js (vite.config.ts, 'loader' mode). */
import { importCdn } from './script-url.js';

type Extras = typeof import('../core/extras.js');

export const loadExtras = (): Promise<Extras> =>
  importCdn<Extras>('extras.js').catch(() => importCdn<Extras>('extras.js', true));
