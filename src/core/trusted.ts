import { documentProperty } from './dom.js';
import { error } from './log.js';
import { pageContract } from './page-contract.js';

/**
 * The one Trusted Types policy razylyk needs: gated scripts are the page author's own markup, moved
 * from an inert `type="text/plain"` element to a live one, so their text passes through unchanged and
 * their URLs only when they are http(s) or relative.
 */
export interface ScriptPolicy {
  createScript(text: string): string;
  createScriptURL(url: string): string;
}
type TrustedTypesWindow = {
  trustedTypes?: { createPolicy(name: string, rules: ScriptPolicy): ScriptPolicy };
};

/** Returns the policy, or null when the host's CSP forbids creating it (gated scripts then stay inert). */
export function scriptPolicy(): ScriptPolicy | null {
  // In the page contract: the script tag's two stages are separate bundles, and a policy name can be
  // created once per page (unless the CSP says 'allow-duplicates').
  const contract = pageContract();
  if (!('policy' in contract)) {
    // Without Trusted Types the rules themselves serve as the policy.
    let policy: ScriptPolicy | null = {
      createScript: (text) => text,
      // An unsafe URL becomes none (the gate already warned about it; anyone else gets nothing to run).
      createScriptURL: (url) => (isSafeUrl(url) ? url : ''),
    };
    try {
      policy = (window as TrustedTypesWindow).trustedTypes?.createPolicy('razylyk', policy) ?? policy;
    } catch (err) {
      error('CSP trusted-types forbid the policy "razylyk"; gated scripts stay blocked.', err);
      policy = null;
    }
    contract.policy = policy;
  }
  return contract.policy as ScriptPolicy | null;
}

/** http(s) or relative URLs only: `javascript:`, `data:` and their mixed-case or control-character variants are refused. */
export const isSafeUrl = (url: string): boolean => /^https?:$/.test(protocolOf(url));

/** A link the policy may show: http(s), relative or mailto. */
export const isSafeLink = (url: string): boolean => isSafeUrl(url) || protocolOf(url) === 'mailto:';

function protocolOf(url: string): string {
  try {
    return new URL(url, documentProperty('baseURI')).protocol;
  } catch {
    return '';
  }
}
