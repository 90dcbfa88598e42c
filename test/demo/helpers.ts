/** Loads demo pages in an iframe of the test page (same origin) with the test server's error capture. */
interface DemoWindow extends Window {
  __demoErrors: string[];
}

export interface LoadedDemo {
  frame: HTMLIFrameElement;
  win: DemoWindow;
  doc: Document;
}

const frames: HTMLIFrameElement[] = [];

export async function loadDemo(page: string, query = ''): Promise<LoadedDemo> {
  const frame = document.createElement('iframe');
  frame.width = '1200';
  frame.height = '900';
  frame.title = page;
  frame.src = `/demo/${page}?capture-errors${query ? `&${query}` : ''}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow as DemoWindow;
  return { frame, win, doc: frame.contentDocument! };
}

export function removeDemos(): void {
  for (const frame of frames.splice(0)) frame.remove();
}

export async function waitFor<T>(
  check: () => T | null | undefined | false,
  what: string,
  timeout = 15000,
): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - started > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function clearConsent(): void {
  localStorage.removeItem('razylyk:consent');
  localStorage.removeItem('razylyk:legal-review-preview');
  document.cookie = 'qiming_demo_prefs=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
}

export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
