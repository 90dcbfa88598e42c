/**
 * The contact of the data controller as a link target (mailto: or http(s)), or undefined when it is to
 * be shown as text only. (The facts themselves are configuration, checked with the rest of it:
 * src/core/controller-facts.ts.)
 */
export function contactHref(contact: string): string | undefined {
  if (/^[^\s@<>"/:]+@[^\s@<>"/]+\.[^\s@<>"/]+$/.test(contact)) return `mailto:${contact}`;
  try {
    const url = new URL(contact);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    // Not a URL: plain text.
  }
  return undefined;
}
