// Test commands that every engine answers the same way, for test/viewport.ts. The built-in
// set-viewport command knows puppeteer and playwright only; WebKit runs through WebDriver here.
// Chromium's DevTools sessions that hold a page's safe-area override: it ends when its session does.
const safeAreaSessions = new WeakMap();

/**
 * Emulates a phone's display cutout and home indicator, so env(safe-area-inset-*) is not 0. Only
 * Chromium can (DevTools' Emulation.setSafeAreaInsetsOverride); elsewhere the answer is false.
 */
async function setSafeArea(browser, sessionId, insets) {
  if (browser.type !== 'puppeteer' || !browser.name.startsWith('Chrom')) return false;
  const page = browser.getPage(sessionId);
  let cdp = safeAreaSessions.get(page);
  if (!cdp) safeAreaSessions.set(page, (cdp = await page.createCDPSession()));
  await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets });
  return true;
}

export function deviceCommandsPlugin() {
  return {
    name: 'razylyk-device-commands',
    async executeCommand({ command, payload, session }) {
      const { browser } = session;
      if (command === 'razylyk-safe-area') return setSafeArea(browser, session.id, payload);
      if (command !== 'razylyk-viewport' && command !== 'razylyk-tap') return undefined;
      if (browser.type === 'puppeteer') {
        const page = browser.getPage(session.id);
        if (command === 'razylyk-viewport') await page.setViewport(payload);
        else await page.touchscreen.tap(payload.x, payload.y);
        return true;
      }
      if (browser.type === 'webdriver' && typeof browser.setViewport === 'function') {
        if (command === 'razylyk-viewport') await browser.setViewport(payload.width, payload.height);
        else await browser.tap(payload.x, payload.y);
        return true;
      }
      throw new Error(`${command} is not supported for browser type ${browser.type}`);
    },
  };
}
