import { css } from 'lit';

export const preferencesStyles = css`
  :host {
    display: contents;
  }
  .inner {
    display: grid;
    gap: 1rem;
    padding: 1.25rem;
  }
  header {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
  }
  header h2 {
    flex: 1;
    font-size: 1.25rem;
    align-self: center;
  }
  .purposes {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .purpose {
    display: grid;
    gap: 0.25rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .purpose-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
  }
  .purpose-head label {
    font-weight: 600;
    cursor: pointer;
  }
  .always-on {
    color: var(--_muted);
    font-size: 0.875rem;
    margin-inline-start: auto;
  }
  .description {
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .declared summary {
    cursor: pointer;
    font-size: 0.9375rem;
    padding-block: 0.25rem;
  }
  .declared summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .read-more {
    font-size: 0.9375rem;
    justify-self: start;
  }
  input[role='switch'] {
    appearance: none;
    position: relative;
    flex: none;
    margin: 0;
    inline-size: 3rem;
    block-size: 1.75rem;
    border: 2px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
    cursor: pointer;
  }
  input[role='switch']::before {
    content: '';
    position: absolute;
    inset-block-start: 0.1875rem;
    inset-inline-start: 0.1875rem;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    border-radius: 50%;
    background: var(--_muted);
  }
  input[role='switch']:checked {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  input[role='switch']:checked::before {
    inset-inline-start: calc(100% - 1.3125rem);
    background: var(--_accent-fg);
  }
  input[role='switch']:disabled {
    cursor: not-allowed;
    opacity: 0.75;
  }
  @media (prefers-reduced-motion: no-preference) {
    input[role='switch']::before {
      transition: inset-inline-start 120ms ease-out;
    }
  }
  @media (forced-colors: active) {
    input[role='switch'] {
      border-color: ButtonText;
    }
    input[role='switch']::before {
      background: ButtonText;
    }
    input[role='switch']:checked::before {
      background: Highlight;
    }
  }
  .decision {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    font-size: 0.9375rem;
    color: var(--_muted);
  }
  .decision code {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
  .withdraw {
    appearance: none;
    min-block-size: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_fg);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_fg);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
`;
