// Viewport size and touch input in every engine (Chromium and Firefox through puppeteer, WebKit through
// WebDriver): the commands live in test/server/commands.mjs.
import { executeServerCommand } from '@web/test-runner-commands';

/** Sets the size of the page's viewport in CSS pixels. */
export async function setViewport(viewport: { width: number; height: number }): Promise<void> {
  await executeServerCommand('razylyk-viewport', viewport);
}

/** A touch tap (touchstart, touchend, then the click a tap makes) at viewport coordinates. */
export async function tap(x: number, y: number): Promise<void> {
  await executeServerCommand('razylyk-tap', { x, y });
}

/**
 * Emulates safe-area insets (a notch, a home indicator) in CSS pixels; false where the engine cannot
 * (only Chromium's DevTools protocol can), and then env(safe-area-inset-*) stays 0.
 */
export async function setSafeArea(insets: {
  top: number;
  right: number;
  bottom: number;
  left: number;
}): Promise<boolean> {
  return (await executeServerCommand<boolean, typeof insets>('razylyk-safe-area', insets)) === true;
}
