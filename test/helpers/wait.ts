/** Waiting in tests: polling until a condition holds, and giving the page time. */

/** How often `waitFor` checks again. */
const POLL_MS = 20;

type OrFalsy<T> = T | null | undefined | false | 0 | '';

/**
 * Checks `check` (awaited when it returns a promise) until it gives a truthy value, and resolves with it.
 * Rejects after `timeout` ms, naming `what`; a check that throws rejects at once. The timeout is the
 * caller's: an element of the test page gets less time than a built page in a frame or a whole demo page.
 */
export async function waitFor<T>(
  check: () => OrFalsy<T> | Promise<OrFalsy<T>>,
  what?: string,
  timeout = 5000,
): Promise<T> {
  const started = performance.now();
  for (;;) {
    // Awaited only when it is a promise, so a synchronous check costs no extra microtask.
    const result = check();
    const value = result instanceof Promise ? await result : result;
    if (value) return value;
    if (performance.now() - started > timeout)
      throw new Error(`Timed out (${timeout} ms): ${what ?? 'condition not met'}`);
    await sleep(POLL_MS);
  }
}

/** Gives the page `ms` milliseconds to do what it would do, e.g. before checking that something did not happen. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Lets queued tasks and microtasks run (the engine's coalesced flush, a storage event). */
export const nextTask = () => sleep(0);

/** Waits for the next rendering frame. */
export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
