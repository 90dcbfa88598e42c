/** What code under test prints with console.warn. */

/** Replaces console.warn with a recorder; call `restore()` when done. */
export function captureWarnings(): { messages: string[]; restore(): void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console.warn = original) };
}

/** Runs `fn` and returns what it printed with console.warn. */
export function warningsOf(fn: () => void): string[] {
  const capture = captureWarnings();
  try {
    fn();
  } finally {
    capture.restore();
  }
  return capture.messages;
}
