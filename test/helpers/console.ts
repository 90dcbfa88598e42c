/** What code under test prints with console.warn or console.error. */

type Level = 'warn' | 'error';

/** Replaces console[level] with a recorder; call `restore()` when done. */
export function captureConsole(level: Level): { messages: string[]; restore(): void } {
  const original = console[level];
  const messages: string[] = [];
  console[level] = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console[level] = original) };
}

export const captureWarnings = () => captureConsole('warn');

/** Runs `fn` and returns what it printed with console[level] (default: warnings). */
export function printedBy<T>(fn: () => T, level: Level = 'warn'): { result: T; messages: string[] } {
  const capture = captureConsole(level);
  try {
    return { result: fn(), messages: capture.messages };
  } finally {
    capture.restore();
  }
}

/** Runs `fn` and returns what it printed with console.warn. */
export const warningsOf = (fn: () => void): string[] => printedBy(fn).messages;
