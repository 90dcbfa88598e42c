/** Loads demo pages in an iframe of the test page (same origin) with the test server's error capture. */
import { openFrame } from '../helpers/frames.js';
import { clearKeys } from '../helpers/storage.js';

interface DemoWindow extends Window {
  __demoErrors: string[];
}

export interface LoadedDemo {
  frame: HTMLIFrameElement;
  win: DemoWindow;
  doc: Document;
}

export async function loadDemo(page: string, query = ''): Promise<LoadedDemo> {
  const src = `/demo/${page}?capture-errors${query ? `&${query}` : ''}`;
  const frame = await openFrame(src, { width: 1200, height: 900, title: page });
  const win = frame.contentWindow as DemoWindow;
  return { frame, win, doc: frame.contentDocument! };
}

/** Forgets what the demo site stored: the decision, the legal review's preview, the demo's own cookie. */
export function clearConsent(): void {
  clearKeys('razylyk:consent', 'razylyk:legal-review-preview');
  document.cookie = 'qiming_demo_prefs=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
}
