/**
 * Registers the razylyk elements. Guarded, so a page that loads razylyk twice (script tag and npm
 * build) does not throw on the second definition.
 */
import { RazylykBanner } from './banner.js';
import { RazylykLanguageSelect } from './language-select.js';
import { RazylykPolicy } from './policy.js';
import { RazylykPolicyDialog } from './policy-dialog.js';
import { RazylykPreferences } from './preferences.js';
import { RazylykSettingsButton } from './settings-button.js';

export const ELEMENTS = {
  'razylyk-banner': RazylykBanner,
  'razylyk-preferences': RazylykPreferences,
  'razylyk-policy': RazylykPolicy,
  'razylyk-policy-dialog': RazylykPolicyDialog,
  'razylyk-language-select': RazylykLanguageSelect,
  'razylyk-settings-button': RazylykSettingsButton,
} as const;

export function defineElements(): void {
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
}

defineElements();

export {
  RazylykBanner,
  RazylykLanguageSelect,
  RazylykPolicy,
  RazylykPolicyDialog,
  RazylykPreferences,
  RazylykSettingsButton,
};

declare global {
  interface HTMLElementTagNameMap {
    'razylyk-banner': RazylykBanner;
    'razylyk-preferences': RazylykPreferences;
    'razylyk-policy': RazylykPolicy;
    'razylyk-policy-dialog': RazylykPolicyDialog;
    'razylyk-language-select': RazylykLanguageSelect;
    'razylyk-settings-button': RazylykSettingsButton;
  }
}
