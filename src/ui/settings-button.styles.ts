import { css } from 'lit';

export const settingsButtonStyles = css`
  :host {
    display: contents;
  }
  button {
    position: fixed;
    z-index: var(--_z);
    inset-block-end: calc(1rem + env(safe-area-inset-bottom, 0px));
    inset-inline-start: calc(1rem + max(env(safe-area-inset-left, 0px), env(safe-area-inset-right, 0px)));
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
