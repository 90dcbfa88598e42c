import { css } from 'lit';

export const settingsButtonStyles = css`
  :host {
    display: contents;
  }
  button {
    position: fixed;
    z-index: var(--_z);
    inset-block-end: 1rem;
    inset-inline-start: 1rem;
    display: grid;
    place-items: center;
    inline-size: 3rem;
    block-size: 3rem;
    margin: 0;
    padding: 0;
    border: 2px solid var(--_accent);
    border-radius: 50%;
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: var(--_shadow);
    cursor: pointer;
  }
  svg {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    fill: currentColor;
  }
`;
