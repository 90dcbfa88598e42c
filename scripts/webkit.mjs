// WebKit on Linux for the tests and the screenshots: WebKitGTK's WebDriver (Debian webkit2gtk-driver)
// driving its MiniBrowser under a private Xvfb display (Debian xvfb). Playwright's WebKit build would
// need a browser download, which our machines cannot do; this is the engine Debian ships.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { remote } from 'webdriverio';

const MINIBROWSER_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkitgtk-6.0/MiniBrowser',
];
const DRIVER_CANDIDATES = ['/usr/bin/WebKitWebDriver', '/usr/local/bin/WebKitWebDriver'];
const XVFB_CANDIDATES = ['/usr/bin/Xvfb', '/usr/local/bin/Xvfb'];

/**
 * MiniBrowser ($MINIBROWSER_PATH, else Debian's), WebKitWebDriver and Xvfb, or undefined when one is
 * missing (without Xvfb, an existing $DISPLAY will do).
 */
export function webkitPaths() {
  const env = process.env.MINIBROWSER_PATH;
  const binary = env ? (existsSync(env) ? env : undefined) : MINIBROWSER_CANDIDATES.find(existsSync);
  const driver = DRIVER_CANDIDATES.find(existsSync);
  const xvfb = XVFB_CANDIDATES.find(existsSync);
  return binary && driver && (xvfb || process.env.DISPLAY) ? { binary, driver, xvfb } : undefined;
}

/** W3C capabilities for a MiniBrowser session in automation mode. */
export function webkitCapabilities(binary) {
  return {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary, args: ['--automation'] },
    // webdriverio 9 asks for a WebDriver BiDi socket by default, which WebKitGTK's driver does not offer.
    'wdio:enforceWebDriverClassic': true,
  };
}

const GTK_CSS = `* { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px;
  -gtk-icon-transform: scale(0.01); }
`;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on the first free display; resolves with its number once the server accepts clients. */
function startXvfb(command) {
  return new Promise((resolve, reject) => {
    // -displayfd makes Xvfb pick a free display itself and write its number to fd 3 when it is ready.
    const xvfb = spawn(command, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    xvfb.stderr.on('data', (chunk) => (err += chunk));
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ display: `:${out.trim()}`, process: xvfb });
    });
    xvfb.on('error', (error) =>
      reject(new Error(`razylyk: cannot start Xvfb (apt-get install -y xvfb): ${error.message}`)),
    );
    xvfb.on('exit', (code) => reject(new Error(`razylyk: Xvfb exited (${code}): ${err.trim()}`)));
  });
}

async function waitForDriver(port, deadline) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`razylyk: WebKitWebDriver did not answer on port ${port}`);
}

/**
 * Starts WebKitWebDriver on a free port, on a private Xvfb display (headless, as the other engines:
 * nothing opens on a developer's desktop), or on $DISPLAY where there is no Xvfb.
 * Resolves with { port, binary, stop() }; stop() ends both processes.
 */
export async function startWebKitDriver() {
  const paths = webkitPaths();
  if (!paths) throw new Error('razylyk: no WebKitGTK found (apt-get install -y webkit2gtk-driver xvfb)');
  const children = [];
  const cleanups = [];
  const stop = () => {
    for (const child of children.reverse()) if (child.exitCode === null) child.kill('SIGTERM');
    for (const cleanup of cleanups) cleanup();
  };
  try {
    const env = { ...process.env };
    if (paths.xvfb) {
      const xvfb = await startXvfb(paths.xvfb);
      children.push(xvfb.process);
      env.DISPLAY = xvfb.display;
    }
    // No accessibility bus on a headless machine: without this GTK waits for it on every start.
    env.NO_AT_BRIDGE = '1';
    // MiniBrowser's toolbar keeps its window at least 447 px wide; a phone is 320-390. A private GTK
    // theme file shrinks the toolbar to a sliver so the page's viewport can be as narrow as a phone.
    const config = mkdtempSync(join(tmpdir(), 'razylyk-webkit-'));
    cleanups.push(() => rmSync(config, { recursive: true, force: true }));
    mkdirSync(join(config, 'gtk-3.0'));
    writeFileSync(join(config, 'gtk-3.0', 'gtk.css'), GTK_CSS);
    env.XDG_CONFIG_HOME = config;
    const port = await freePort();
    const driver = spawn(paths.driver, [`--port=${port}`], { env, stdio: 'ignore' });
    children.push(driver);
    await waitForDriver(port, Date.now() + 30000);
    return { port, binary: paths.binary, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

// Per session: the size of MiniBrowser's window around the page (its toolbar), measured once.
const toolbarSizes = new WeakMap();

/**
 * The window's size minus the page's: measured, not assumed. A resize lands asynchronously, and
 * until it has, the window rect and the page's inner size can disagree (a 320 px window reporting a
 * 1280 px page), so only a plausible difference is kept.
 */
async function toolbarOf(driver, innerWidth, innerHeight) {
  if (toolbarSizes.has(driver)) return toolbarSizes.get(driver);
  const rect = await driver.getWindowRect();
  const toolbar = [rect.width - innerWidth, rect.height - innerHeight];
  if (toolbar.some((size) => size < 0 || size > 400)) return undefined;
  toolbarSizes.set(driver, toolbar);
  return toolbar;
}

/**
 * Sizes a MiniBrowser window so that the page's innerWidth × innerHeight is width × height, waiting
 * (up to 3 s) until the page reports that size; a resize that has not landed in half a second is sent
 * again.
 */
export async function fitViewport(driver, width, height) {
  const inner = () => driver.execute(() => [window.innerWidth, window.innerHeight]);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
  let [innerWidth, innerHeight] = await inner();
  let lastResize = -Infinity;
  for (let poll = 0; poll < 60 && (innerWidth !== width || innerHeight !== height); poll++) {
    const toolbar = await toolbarOf(driver, innerWidth, innerHeight);
    if (toolbar && poll - lastResize >= 10) {
      await driver.setWindowRect(0, 0, width + toolbar[0], height + toolbar[1]);
      lastResize = poll;
    }
    await pause();
    [innerWidth, innerHeight] = await inner();
  }
  if (innerWidth !== width || innerHeight !== height)
    throw new Error(`razylyk: WebKit viewport is ${innerWidth}×${innerHeight}, not ${width}×${height}`);
}

/** A webdriverio session in a MiniBrowser of its own; close() ends the session, the driver and Xvfb. */
export async function openWebKit() {
  const webkit = await startWebKitDriver();
  try {
    const driver = await remote({
      hostname: '127.0.0.1',
      port: webkit.port,
      logLevel: 'error',
      capabilities: webkitCapabilities(webkit.binary),
    });
    return {
      driver,
      async close() {
        await driver.deleteSession().catch(() => {});
        webkit.stop();
      },
    };
  } catch (error) {
    webkit.stop();
    throw error;
  }
}

/**
 * web-test-runner launcher for WebKit: starts its own WebKitWebDriver (and Xvfb) and runs one test file
 * at a time in one MiniBrowser window (@web/test-runner-webdriver's session manager), so mouse and
 * keyboard actions work. Adds setViewport, which the WebDriver launcher lacks: it sizes the window so
 * that the page's viewport is the size asked for.
 */
export function webkitLauncher() {
  return new WebKitLauncher();
}

class WebKitLauncher extends WebdriverLauncher {
  constructor() {
    super({ hostname: '127.0.0.1', port: 0, logLevel: 'error', capabilities: webkitCapabilities('') });
    this.name = 'WebKit';
    // One MiniBrowser window: pointer and keyboard actions need the test page to be the top-level page.
    this.concurrency = 1;
  }

  async initialize(config) {
    this.webkit = await startWebKitDriver();
    process.once('exit', this.webkit.stop);
    this.options.port = this.webkit.port;
    this.options.capabilities = webkitCapabilities(this.webkit.binary);
    await super.initialize({ ...config, concurrency: 1 });
    this.name = 'WebKit';
  }

  async stop() {
    await super.stop();
    this.webkit?.stop();
  }

  /** Sizes the window so that the page's viewport is width × height. */
  async setViewport(width, height) {
    await this.ensureManagerInitialized();
    await fitViewport(this.driver, width, height);
  }

  /** A touch tap at viewport coordinates (W3C pointer actions with pointerType "touch"). */
  async tap(x, y) {
    await this.driver.performActions([
      {
        type: 'pointer',
        id: 'touch1',
        parameters: { pointerType: 'touch' },
        actions: [
          { type: 'pointerMove', duration: 0, x: Math.round(x), y: Math.round(y) },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ]);
    await this.driver.releaseActions();
  }
}
