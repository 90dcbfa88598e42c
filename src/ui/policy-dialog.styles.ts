import { css } from 'lit';

export const policyDialogStyles = css`
  :host {
    display: contents;
  }
  dialog {
    max-inline-size: min(48rem, calc(100vw - 1rem));
    overflow: hidden;
  }
  .inner {
    display: flex;
    flex-direction: column;
    max-block-size: calc(100dvh - 1rem);
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
