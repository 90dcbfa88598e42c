import { html, LitElement } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LocalizeController } from '../i18n/controller.js';
import { translateWithI18next } from '../i18n/i18next.js';
import type { RazylykPolicy } from './policy.js';
import { actions, dialog, tokens } from './shared.styles.js';
import { policyDialogStyles } from './policy-dialog.styles.js';
import { instance, restoreFocus } from './dialogs.js';
import type { Theme } from '../core/types.js';

/**
 * @summary The policy reader: `<razylyk-policy>` in a native modal dialog, opened from the banner's
 * policy link or a purpose's "read more" link, at the section that purpose rests on.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart close - The close button.
 * @csspart policy - The document wrapper (a part of its `<razylyk-policy>`).
 * @csspart toc - The policy's table of contents.
 * @csspart section - Each policy section.
 * @cssproperty --razylyk-bg - Background.
 * @cssproperty --razylyk-fg - Text colour.
 */
export class RazylykPolicyDialog extends LitElement {
  static override styles = [tokens, actions, dialog, policyDialogStyles];

  private readonly l10n = new LocalizeController(this, translateWithI18next);

  @property({ reflect: true }) theme: Theme = 'auto';

  @state() private section = '';
  @state() private shown = false;

  @query('dialog') private dialogElement!: HTMLDialogElement;
  @query('razylyk-policy') private policy!: RazylykPolicy;

  private opener: Element | null = null;

  get open(): boolean {
    return this.dialogElement?.open ?? false;
  }

  /** Opens the reader at `section` (a section id or list-item anchor); focus returns to `opener` on close. */
  async show(section = '', opener: Element | null = null): Promise<void> {
    this.opener = opener;
    this.section = section;
    this.shown = true;
    await this.updateComplete;
    if (!this.dialogElement.open) this.dialogElement.showModal();
    await this.policy.updateComplete;
    if (section) this.policy.scrollToAnchor(section);
  }

  close(): void {
    this.dialogElement?.close();
  }

  private handleClose(): void {
    this.shown = false;
    restoreFocus(this.opener);
    this.opener = null;
  }

  override render() {
    return html`<dialog
      part="dialog"
      class="surface"
      aria-label=${this.l10n.t('policy.label')}
      lang=${this.l10n.language}
      dir=${this.l10n.dir}
      @close=${this.handleClose}
    >
      <div class="inner">
        <header>
          <span aria-hidden="true"></span>
          <button class="icon-button" part="close" type="button" @click=${this.close}>
            <span aria-hidden="true">×</span>
            <span class="visually-hidden">${this.l10n.t('policy.close')}</span>
          </button>
        </header>
        <div class="body">
          ${
            this.shown
              ? html`<razylyk-policy
                  exportparts="policy, toc, section"
                  section=${this.section}
                  theme=${this.theme}
                  .controller=${instance().config.controller}
                ></razylyk-policy>`
              : null
          }
        </div>
      </div>
    </dialog>`;
  }
}
