/** Which dialog opened or closed, so a page can pause a video or track the settings being read. */
export interface PreferencesToggleDetail {
  open: boolean;
}

export const PREFERENCES_OPEN = 'razylyk-preferences-open';
export const PREFERENCES_CLOSE = 'razylyk-preferences-close';

export function preferencesEvent(open: boolean): CustomEvent<PreferencesToggleDetail> {
  return new CustomEvent(open ? PREFERENCES_OPEN : PREFERENCES_CLOSE, {
    bubbles: true,
    composed: true,
    detail: { open },
  });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'razylyk-preferences-open': CustomEvent<PreferencesToggleDetail>;
    'razylyk-preferences-close': CustomEvent<PreferencesToggleDetail>;
  }
}

/** What the visitor chose in a placeholder: `load-once` (this view only) or `allow` (recorded). */
export interface PlaceholderLoadDetail {
  action: 'load-once' | 'allow';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'razylyk-placeholder-load': CustomEvent<PlaceholderLoadDetail>;
  }
}
