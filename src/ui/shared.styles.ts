import { css } from 'lit';

/**
 * The dark theme's values: for theme="dark", and for theme="auto" when the visitor prefers dark. Each
 * reads `--razylyk-dark-*` first, then the operator's `--razylyk-*` (a brand palette applies in both
 * schemes unless a dark one is given), then the dark default.
 */
const darkTokens = css`
  --_bg: var(--razylyk-dark-bg, var(--razylyk-bg, #18181b));
  --_fg: var(--razylyk-dark-fg, var(--razylyk-fg, #f4f4f5));
  --_muted: var(--razylyk-dark-muted, var(--razylyk-muted, #c4c4cc));
  --_border: var(--razylyk-dark-border, var(--razylyk-border, #8a8a96));
  --_accent: var(--razylyk-dark-accent, var(--razylyk-accent, #93c5fd));
  --_accent-fg: var(--razylyk-dark-accent-fg, var(--razylyk-accent-fg, #0b1220));
  --_link: var(--razylyk-dark-link, var(--razylyk-link, #93c5fd));
  --_focus: var(--razylyk-dark-focus, var(--razylyk-focus, #93c5fd));
  --_notice-bg: var(--razylyk-dark-notice-bg, var(--razylyk-notice-bg, #1e293b));
  --_notice-fg: var(--razylyk-dark-notice-fg, var(--razylyk-notice-fg, #e0e7ff));
  --_scheme: dark;
`;

/**
 * Public tokens (`--razylyk-*`) read through private aliases (`--_*`), so the owner themes the
 * elements without reaching into them. Dark defaults have their own tokens (`--razylyk-dark-*`).
 * Every default pair meets WCAG 2.2 AA contrast (4.5:1 for text, 3:1 for controls and focus).
 */
export const tokens = css`
  :host {
    all: initial;
    --_bg: var(--razylyk-bg, #ffffff);
    --_fg: var(--razylyk-fg, #1b1b1f);
    --_muted: var(--razylyk-muted, #4a4a55);
    --_border: var(--razylyk-border, #8a8a96);
    --_accent: var(--razylyk-accent, #1d4ed8);
    --_accent-fg: var(--razylyk-accent-fg, #ffffff);
    --_link: var(--razylyk-link, #1d4ed8);
    --_focus: var(--razylyk-focus, #1d4ed8);
    --_notice-bg: var(--razylyk-notice-bg, #eef2ff);
    --_notice-fg: var(--razylyk-notice-fg, #1e1b4b);
    --_radius: var(--razylyk-radius, 0.5rem);
    --_font: var(--razylyk-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_z: var(--razylyk-z-index, 2147483000);
    --_shadow: var(--razylyk-shadow, 0 0.25rem 1.5rem rgb(0 0 0 / 0.25));
    --_scheme: light;
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
  [hidden] {
    display: none !important;
  }
  .surface {
    box-sizing: border-box;
    /* WCAG 1.4.10 reflow: a long word or URL (operator texts, German compounds) wraps at 320 px
       instead of widening the dialog; it also lowers grid and flex items' min-content width. */
    overflow-wrap: anywhere;
    color-scheme: var(--_scheme);
    background: var(--_bg);
    color: var(--_fg);
    font-family: var(--_font);
    font-size: 1rem;
    line-height: 1.5;
    text-align: start;
  }
  .surface *,
  .surface *::before,
  .surface *::after {
    box-sizing: border-box;
  }
  h2 {
    font-size: 1.125rem;
    line-height: 1.3;
    margin: 0;
  }
  p {
    margin: 0;
  }
  a {
    color: var(--_link);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .notice {
    background: var(--_notice-bg);
    color: var(--_notice-fg);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
    font-size: 0.9375rem;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * The three first-layer choices share one look: same class, same box, same colours. Regulators
 * (EDPB 03/2022, CNIL) treat a louder "accept" as a deceptive design.
 */
export const actions = css`
  .actions {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    grid-auto-rows: 1fr;
    gap: 0.5rem;
  }
  @container razylyk (max-width: 32rem) {
    .actions {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .action {
    appearance: none;
    margin: 0;
    min-block-size: 2.75rem;
    min-inline-size: 0;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-fg);
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .action:hover {
    filter: brightness(1.08);
  }
  .action:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 3px;
  }
  .link-button {
    appearance: none;
    margin: 0;
    padding: 0.125rem 0;
    min-block-size: 1.5rem;
    border: 0;
    background: none;
    color: var(--_link);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
    text-align: start;
  }
  .icon-button {
    appearance: none;
    display: inline-grid;
    place-items: center;
    flex: none;
    margin: 0;
    padding: 0;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 1.5rem;
    line-height: 1;
    cursor: pointer;
  }
  @media (forced-colors: active) {
    .action,
    .icon-button {
      border-color: ButtonText;
    }
  }
`;

/**
 * Native modal dialogs: centred, scrollable, no animation for those who asked for less motion. Centred
 * in the viewport less its safe areas (a notch, a home indicator); sizes in percentages of the viewport
 * (a modal dialog's containing block) and dvh, as the banner's region (banner.styles.ts says why both).
 */
export const dialog = css`
  dialog {
    inset: env(safe-area-inset-top, 0px) env(safe-area-inset-right, 0px) env(safe-area-inset-bottom, 0px)
      env(safe-area-inset-left, 0px);
    max-inline-size: min(
      40rem,
      100% - 1rem - env(safe-area-inset-left, 0px) - env(safe-area-inset-right, 0px)
    );
    max-block-size: calc(
      min(100%, 100dvh) - 1rem - env(safe-area-inset-top, 0px) - env(safe-area-inset-bottom, 0px)
    );
    inline-size: 100%;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    overflow: auto;
    container: razylyk / inline-size;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  @media (prefers-reduced-motion: no-preference) {
    dialog[open] {
      animation: razylyk-in 150ms ease-out;
    }
  }
  @keyframes razylyk-in {
    from {
      opacity: 0;
    }
  }
`;
