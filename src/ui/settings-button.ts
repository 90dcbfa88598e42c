import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../i18n/controller.js';
import { tokens } from './shared.styles.js';
import { settingsButtonStyles } from './settings-button.styles.js';
import { instance, openPreferencesFrom } from './dialogs.js';
import type { Theme } from '../core/types.js';

/**
 * @summary A floating privacy-settings button that reopens the preferences. It shows only once the
 * visitor has decided (before that, the banner is the way in).
 *
 * @csspart button - The button.
 * @cssproperty --razylyk-bg - Background.
 * @cssproperty --razylyk-accent - Ring colour.
 * @cssproperty --razylyk-z-index - Stacking order.
 */
export class RazylykSettingsButton extends LitElement {
  static override styles = [tokens, settingsButtonStyles];

  private readonly l10n = new LocalizeController(this);

  @property({ reflect: true }) theme: Theme = 'auto';

  @state() private decided = false;

  private unsubscribe: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.decided = !instance().needsDecision();
    this.unsubscribe = instance().onChange(() => (this.decided = !instance().needsDecision()));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  private handleClick(event: Event): void {
    openPreferencesFrom(event.currentTarget as Element);
  }

  override render() {
    if (!this.decided) return nothing;
    const label = this.l10n.t('settingsButton.label');
    return html`<button
      class="surface"
      part="button"
      type="button"
      aria-label=${label}
      title=${label}
      lang=${this.l10n.language}
      @click=${this.handleClick}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5l-8-3Zm0 2.2 6 2.2V11c0 4-2.6 7.8-6 8.9-3.4-1.1-6-4.9-6-8.9V6.4l6-2.2Zm-1 10.4-2.6-2.6L7 13.4l4 4 6-6-1.4-1.4-4.6 4.6Z"
        />
      </svg>
    </button>`;
  }
}
