import { html, LitElement } from 'lit';
import { LocalizeController } from '../i18n/controller.js';
import { LANGUAGES, type LanguageCode } from '../i18n/languages.js';
import { languageSelectStyles } from './language-select.styles.js';
import { switchLanguage } from './ui-state.js';

/**
 * @summary A labelled `<select>` of the shipped languages, each in its own name; switching re-renders
 * every razylyk element on the page (unsaved switches in the open preferences are kept).
 *
 * @csspart select - The `<select>`.
 * @csspart label - The label text.
 */
export class RazylykLanguageSelect extends LitElement {
  static override styles = languageSelectStyles;

  private readonly l10n = new LocalizeController(this);

  private handleChange(event: Event): void {
    void switchLanguage((event.target as HTMLSelectElement).value as LanguageCode);
  }

  override render() {
    const current = this.l10n.language;
    return html`<label part="label"
      >${this.l10n.t('language.label')}
      <select part="select" @change=${this.handleChange}>
        ${LANGUAGES.map(
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
