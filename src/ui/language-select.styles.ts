import { css } from 'lit';

// No tokens of its own: it sits inside the banner or the dialog and takes their colours.
export const languageSelectStyles = css`
  :host {
    display: inline-block;
    font: inherit;
    color: inherit;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.9375rem;
  }
  select {
    /* As wide as the selected language's name (Chromium): listing the others on focus moves nothing. */
    field-sizing: content;
    min-block-size: 2.75rem;
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    border: 1px solid var(--_border, currentColor);
    border-radius: var(--_radius, 0.375rem);
    background: var(--_bg, Canvas);
    color: inherit;
    font: inherit;
  }
  select:focus-visible {
    outline: 3px solid var(--_focus, Highlight);
    outline-offset: 2px;
  }
`;
