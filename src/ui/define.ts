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

// Registry-wide, so razylyk's copies (script tag and npm build) recognise each other's elements while a
// page's own element of the same name is told apart.
const RAZYLYK_ELEMENT = Symbol.for('razylyk.element');

/**
 * Defines every element that is not defined yet, and returns the tags that some other code defined
 * first with a class of its own: those cannot show razylyk's UI.
 */
export function defineElements(): string[] {
  const taken: string[] = [];
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    const existing = customElements.get(tag) as
      (CustomElementConstructor & { [RAZYLYK_ELEMENT]?: true }) | undefined;
    if (!existing) {
      Object.defineProperty(element, RAZYLYK_ELEMENT, { value: true });
      customElements.define(tag, element);
    } else if (!existing[RAZYLYK_ELEMENT]) {
      taken.push(tag);
    }
  }
  return taken;
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
