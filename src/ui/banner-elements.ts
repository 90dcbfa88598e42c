/** What a first visit shows: the banner, its language select and the optional settings button. */
import { RazylykBanner } from './banner.js';
import { RazylykLanguageSelect } from './language-select.js';
import { RazylykSettingsButton } from './settings-button.js';

export const BANNER_ELEMENTS = {
  'razylyk-banner': RazylykBanner,
  'razylyk-language-select': RazylykLanguageSelect,
  'razylyk-settings-button': RazylykSettingsButton,
} as const;
