import type { Razylyk } from '../core/instance.js';

/** Options the loaders pass to the UI (from data- attributes or config). */
export interface MountOptions {
  language?: string;
  layout?: 'bar' | 'box' | 'modal';
  theme?: 'light' | 'dark' | 'auto';
  settingsButton?: boolean;
}

/** Placeholder until the UI lands: defines the elements and registers the UI hooks on the instance. */
export async function mountUi(instance: Razylyk, _options: MountOptions = {}): Promise<void> {
  instance.attachUi({ openPreferences() {}, setLanguage() {} });
}
