/**
 * The likely causes of a failed load of one of razylyk's modules, for the console: a module from
 * another origin (a CDN) also needs that origin's CORS headers, and a missing
 * Access-Control-Allow-Origin fails like a network error. (The first stage's own message for
 * cdn/engine.js cannot say this: it has no bytes to spare.)
 */
export function loadCauses(url: string | undefined): string {
  let origin: string | undefined;
  try {
    origin = url ? new URL(url, document.baseURI).origin : undefined;
  } catch {
    // An unparsable URL: no origin to name.
  }
  return origin && origin !== location.origin
    ? `network, CSP, or CORS: ${origin} must send Access-Control-Allow-Origin for its modules`
    : 'network or CSP';
}
