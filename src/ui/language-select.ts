import { html, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { LocalizeController } from '../i18n/controller.js';
import { LANGUAGES, type LanguageCode } from '../i18n/languages.js';
import { languageSelectStyles } from './language-select.styles.js';
import { switchLanguage } from './dialogs.js';

/**
 * @summary A labelled `<select>` of the shipped languages, each in its own name; switching re-renders
 * every razylyk element on the page (unsaved switches in the open preferences are kept).
 *
 * Until the pointer or focus comes to it, the closed select holds only the current language: the other
 * names are in Arabic, Chinese and Cyrillic script, and laying them out the first time (font fallback)
 * delays the banner's first paint by about 45 ms. The select's width follows its selected option
 * (`field-sizing`), so the added options do not move anything.
 *
 * @csspart select - The `<select>`.
 * @csspart label - The label text.
 */
export class RazylykLanguageSelect extends LitElement {
  static override styles = languageSelectStyles;

  private readonly l10n = new LocalizeController(this);

  @state() private allListed = false;

  private listAll(): void {
    this.allListed = true;
  }

  private handleChange(event: Event): void {
    void switchLanguage((event.target as HTMLSelectElement).value as LanguageCode);
  }

  override render() {
    const current = this.l10n.language;
    const listed = this.allListed ? LANGUAGES : LANGUAGES.filter((language) => language.code === current);
    return html`<label part="label" @pointerover=${this.listAll} @focusin=${this.listAll}
      >${this.l10n.t('language.label')}
      <select part="select" @change=${this.handleChange}>
        ${listed.map(
          (language) =>
            html`<option
              value=${language.code}
              lang=${language.code}
              dir=${language.dir}
              ?selected=${language.code === current}
            >
              ${language.nativeName}
            </option>`,
        )}
      </select></label
    >`;
  }
}
