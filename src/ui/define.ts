/**
 * Registers the razylyk elements. Guarded, so a page that loads razylyk twice (script tag and npm
 * build) does not throw on the second definition.
 */
import { BANNER_ELEMENTS } from './banner-elements.js';
import { DIALOG_ELEMENTS } from './dialog-elements.js';
import { defineAll } from './registry.js';
import type { RazylykElementProps } from './element-props.js';
import type { Same } from '../core/options.js';
import { RazylykBanner } from './banner.js';
import { RazylykLanguageSelect } from './language-select.js';
import { RazylykPolicy } from './policy.js';
import { RazylykPolicyDialog } from './policy-dialog.js';
import { RazylykPreferences } from './preferences.js';
import { RazylykSettingsButton } from './settings-button.js';

export const ELEMENTS = { ...BANNER_ELEMENTS, ...DIALOG_ELEMENTS } as const;

/**
 * Defines every element that is not defined yet, and returns the tags that some other code defined
 * first with a class of its own: those cannot show razylyk's UI.
 */
export const defineElements = (): string[] => defineAll(ELEMENTS);

defineElements();

export {
  RazylykBanner,
  RazylykLanguageSelect,
  RazylykPolicy,
  RazylykPolicyDialog,
  RazylykPreferences,
  RazylykSettingsButton,
};

// Every element has its markup attributes typed for the frameworks (the compiler checks).
void (true satisfies Same<keyof RazylykElementProps, keyof typeof ELEMENTS>);

/** Each tag's class, from the one registry above. */
export type ElementClasses = { [Tag in keyof typeof ELEMENTS]: InstanceType<(typeof ELEMENTS)[Tag]> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementTagNameMap extends ElementClasses {}
}
