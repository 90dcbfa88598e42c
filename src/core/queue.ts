import { warn } from './log.js';

/**
 * The command queue a page may fill before razylyk has loaded, the habit analytics snippets teach:
 *
 *   var razylyk = window.razylyk || [];
 *   razylyk.push(['onChange', (record) => …], ['openPreferences']);
 *
 * Once razylyk starts, each `[method, ...arguments]` runs on the instance, in order, and
 * `razylyk.push(…)` keeps working: it is a method of the instance too. A command that is no own method
 * (`['constructor']`), or that fails, is reported and skipped.
 */
export function runCommands(target: object, commands: unknown[]): void {
  for (const command of commands) {
    const report = (err: unknown) => warn('Skipped the queued command', command, err);
    try {
      const [name, ...args] = command as [string, ...unknown[]];
      if (!Object.hasOwn(target, name)) throw new TypeError(`no method ${name}`);
      // A failed promise (a load failure) is reported here, not thrown at the page.
      Promise.resolve((target as Record<string, (...a: unknown[]) => unknown>)[name](...args)).catch(report);
    } catch (err) {
      report(err);
    }
  }
}

/**
 * Makes `instance` the page's `window.razylyk`, and runs the commands the page queued there before.
 * `var razylyk = …` on the page makes the property non-configurable: it is assigned, not redefined.
 */
export function publish(instance: object): void {
  const holder = window as unknown as { razylyk?: unknown };
  const previous = holder.razylyk;
  try {
    holder.razylyk = instance;
  } catch {
    // A getter without a setter: redefined below.
  }
  if (holder.razylyk !== instance)
    Object.defineProperty(window, 'razylyk', {
      value: instance,
      configurable: true,
      writable: true,
      enumerable: true,
    });
  if (Array.isArray(previous)) runCommands(instance, previous);
}
