import { css } from 'lit';

export const bannerStyles = css`
  :host {
    display: contents;
  }
  /*
   * Fixed, so it overlays the page: nothing on the page moves when it appears (CLS 0). In the top layer
   * (popover), so no ancestor's transform, filter or z-index can move or cover it; the z-index serves
   * browsers without popover. The popover's UA centring (inset 0, margin auto, fit-content) is undone.
   * Sizes take the smaller of a percentage of the viewport (a fixed box's containing block) and dvh:
   * dvh keeps it inside the visible part while a phone's toolbars show; the percentage because WebKit
   * keeps viewport units resolved for the old size after a resize (a rotation) during which no element
   * used them.
   */
  .region {
    position: fixed;
    z-index: var(--_z);
    inset: auto;
    margin: 0;
    padding: 0;
    inline-size: auto;
    block-size: auto;
    max-block-size: min(100% - 1rem, 100dvh - 1rem);
    overflow: auto;
    overscroll-behavior: contain;
    container: razylyk / inline-size;
    box-shadow: var(--_shadow);
    border: 1px solid var(--_border);
  }
  /*
   * The bar never covers more than half the viewport (the page stays usable behind it; taller content
   * scrolls inside it). Its background reaches the screen's edges; its content stays clear of a notch
   * and a home indicator (env(safe-area-inset-*): physical sides, so left/right, not inline).
   */
  .layout-bar {
    inset-inline: 0;
    inset-block-end: 0;
    max-block-size: min(50%, 50dvh);
    padding: 0 env(safe-area-inset-right, 0px) env(safe-area-inset-bottom, 0px) env(safe-area-inset-left, 0px);
    scroll-padding-block-end: env(safe-area-inset-bottom, 0px);
    border-inline: 0;
    border-block-end: 0;
  }
  .layout-box {
    --_safe-x: max(env(safe-area-inset-left, 0px), env(safe-area-inset-right, 0px));
    inset-block-end: calc(1rem + env(safe-area-inset-bottom, 0px));
    inset-inline-end: calc(1rem + var(--_safe-x));
    inline-size: min(26rem, 100% - 2rem - 2 * var(--_safe-x));
    max-block-size: calc(
      min(100%, 100dvh) - 2rem - env(safe-area-inset-top, 0px) - env(safe-area-inset-bottom, 0px)
    );
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
    max-inline-size: min(
      36rem,
      100% - 1rem - env(safe-area-inset-left, 0px) - env(safe-area-inset-right, 0px)
    );
  }
`;
