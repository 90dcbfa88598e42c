/**
 * The data controller — who decides why and how personal data is processed (GDPR Art. 4(7), 13(1)(a)).
 * The operator's facts are configuration, not policy text: `controller: { name, address, contact }`.
 * The value comes from the host page, so only own string properties are read; everything is shown as
 * plain text, and the contact becomes a link only as an e-mail address (mailto:) or an http(s) URL.
 */
export interface ControllerFacts {
  /** Legal name of the controller. Required. */
  name: string;
  /** Postal address. */
  address?: string;
  /** An e-mail address, an http(s) URL or other contact text. */
  contact?: string;
}

const FIELDS = ['name', 'address', 'contact'] as const;
const MAX_LENGTH = 500;

/** A fresh copy of the facts, or undefined when the value is not an object with a non-empty `name`. */
export function controllerFacts(value: unknown): ControllerFacts | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const facts: Partial<ControllerFacts> = {};
  try {
    for (const field of FIELDS) {
      if (!Object.hasOwn(value, field)) continue;
      const text: unknown = (value as Record<string, unknown>)[field];
      if (typeof text === 'string' && text.trim() !== '') facts[field] = text.trim().slice(0, MAX_LENGTH);
    }
  } catch {
    return undefined; // A getter that throws: the facts are unusable.
  }
  return facts.name ? (facts as ControllerFacts) : undefined;
}
