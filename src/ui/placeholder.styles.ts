import { css } from 'lit';

export const placeholderStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-inline-size: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  .box {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.5rem;
    box-sizing: border-box;
    min-block-size: inherit;
    block-size: 100%;
    padding: 1rem;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .kicker {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .what {
    font-weight: 600;
  }
  .purposes {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
`;
