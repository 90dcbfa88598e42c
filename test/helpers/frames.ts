/** Test pages in iframes of the test page, removed after each test by `closeFrames`. */

interface FrameOptions {
  width?: number;
  height?: number;
  title?: string;
  /** Scrolls the frame into the viewport: Firefox throttles off-screen frames (timers, animations). */
  scrollIntoView?: boolean;
}

const frames: HTMLIFrameElement[] = [];

/** Adds an iframe showing `src` and resolves once its document has loaded. */
export async function openFrame(src: string, options: FrameOptions = {}): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  if (options.width !== undefined) frame.width = String(options.width);
  if (options.height !== undefined) frame.height = String(options.height);
  frame.title = options.title ?? 'test page';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  frames.push(frame);
  if (options.scrollIntoView) frame.scrollIntoView();
  await loaded;
  return frame;
}

/** Removes every frame `openFrame` added. */
export function closeFrames(): void {
  for (const frame of frames.splice(0)) frame.remove();
}
