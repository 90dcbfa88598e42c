import { css } from 'lit';

export const policyDialogStyles = css`
  :host {
    display: contents;
  }
  dialog {
    max-inline-size: min(
      48rem,
      100% - 1rem - env(safe-area-inset-left, 0px) - env(safe-area-inset-right, 0px)
    );
    overflow: hidden;
  }
  /* The dialog's own maximum height (shared.styles.ts) bounds the column; the body scrolls inside it. */
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  .inner {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    padding: 0.75rem 1rem;
    border-block-end: 1px solid var(--_border);
  }
  .body {
    overflow: auto;
    padding: 1rem 1.25rem;
    overscroll-behavior: contain;
  }
`;
