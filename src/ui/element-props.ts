/**
 * The attributes each element takes in markup, for the framework typings (razylyk/react's JSX,
 * razylyk/vue's GlobalComponents). Types only: the elements' own classes are the source of the values.
 */
import type { Layout, Theme } from '../core/types.js';
import type { PreferencesToggleDetail } from './events.js';

export interface RazylykElementProps {
  'razylyk-banner': { layout?: Layout; theme?: Theme };
  'razylyk-preferences': { theme?: Theme };
  'razylyk-policy': { section?: string; theme?: Theme; lang?: string };
  'razylyk-policy-dialog': { theme?: Theme };
  'razylyk-language-select': Record<never, never>;
  'razylyk-settings-button': { theme?: Theme };
}

/** The events an element fires, by name. */
export interface RazylykElementEvents {
  'razylyk-preferences': {
    'razylyk-preferences-open': CustomEvent<PreferencesToggleDetail>;
    'razylyk-preferences-close': CustomEvent<PreferencesToggleDetail>;
  };
}
