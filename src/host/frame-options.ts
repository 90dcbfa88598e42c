/** The option checks of connectRazylykFrame: the origin, the frame, and what to say about them. */
import { originOf } from '../core/bridge-commands.js';
import { createElement, documentRoot } from '../core/dom.js';
import { error, warn } from '../core/log.js';
import type { ConnectOptions } from './connect.js';

/** Whether `origin` is an exact origin; "null" (a sandboxed or file: page) is no URL's origin, so not. */
export const isOrigin = (origin: unknown): origin is string =>
  typeof origin === 'string' && originOf(origin) === origin;

/**
 * Why the options cannot connect ('' when they can): said once with console.error, and every command
 * is refused with it.
 */
export function optionsProblem(
  origin: unknown,
  iframe: HTMLIFrameElement | undefined,
  created: boolean,
): string {
  const problem = !isOrigin(origin)
    ? `options.origin must be the exact origin of the consent page (like https://consent.example), not ${JSON.stringify(origin)}`
    : iframe
      ? ''
      : 'options.frame must be an iframe, a selector of one, or an http(s) URL';
  if (problem) error(`connectRazylykFrame: ${problem}; not connecting.`);
  else if (created && originOf(iframe!.src) !== origin)
    warn(`The consent frame URL ${iframe!.src} is not on options.origin ${origin}; it will never connect.`);
  return problem;
}

/** The iframe `options.frame` names, created when it is a URL; undefined when it names none. */
export function resolveFrame(options: ConnectOptions): {
  iframe: HTMLIFrameElement | undefined;
  created: boolean;
} {
  const frame = options.frame;
  if (frame instanceof HTMLIFrameElement) return { iframe: frame, created: false };
  if (typeof frame !== 'string') return { iframe: undefined, created: false };
  if (/^https?:\/\//i.test(frame)) {
    const iframe = createElement('iframe');
    iframe.title = options.title ?? 'Privacy choices';
    iframe.src = frame;
    return { iframe, created: true };
  }
  try {
    const found = documentRoot().querySelector(frame);
    return { iframe: found instanceof HTMLIFrameElement ? found : undefined, created: false };
  } catch {
    return { iframe: undefined, created: false }; // not a valid selector
  }
}
