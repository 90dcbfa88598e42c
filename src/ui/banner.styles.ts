import { css } from 'lit';

export const bannerStyles = css`
  :host {
    display: contents;
  }
  /* Fixed, so it overlays the page: nothing on the page moves when it appears (CLS 0). In the top layer
     (popover), so no ancestor's transform, filter or z-index can move or cover it; the z-index serves
     browsers without popover. The popover's UA centring (inset 0, margin auto, fit-content) is undone. */
  .region {
    position: fixed;
    z-index: var(--_z);
    inset: auto;
    margin: 0;
    padding: 0;
    inline-size: auto;
    block-size: auto;
    max-block-size: calc(100dvh - 1rem);
    overflow: auto;
    container: razylyk / inline-size;
    box-shadow: var(--_shadow);
    border: 1px solid var(--_border);
  }
  .layout-bar {
    inset-inline: 0;
    inset-block-end: 0;
    border-inline: 0;
    border-block-end: 0;
  }
  .layout-box {
    inset-block-end: 1rem;
    inset-inline-end: 1rem;
    inline-size: min(26rem, calc(100vw - 2rem));
    border-radius: var(--_radius);
  }
  .inner {
    display: grid;
    gap: 0.75rem;
    padding: 1rem 1.25rem;
    margin-inline: auto;
    max-inline-size: 72rem;
  }
  .layout-box .inner,
  dialog .inner {
    padding: 1.25rem;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  .top h2 {
    flex: 1 1 12rem;
  }
  dialog {
    max-inline-size: min(36rem, calc(100vw - 1rem));
  }
`;
