/**
 * Anchors inside sections: places the banner links to that are a block or a list item rather than a
 * whole section (e.g. ad personalization rests on the "ad optimisation" list item). The structure is
 * the same in every language (a test checks it), so one table serves all of them.
 */
interface BlockAnchor {
  section: string;
  block: number;
  /** The list item within a `ul` block; absent for a whole block. */
  item?: number;
}

/**
 * Every anchor, by id: read by the legal review page and by the tests that check each language has them.
 * @internal
 */
export const POLICY_ANCHORS: Record<string, BlockAnchor> = {
  'remembering-you': { section: 'how-we-collect-information', block: 2, item: 0 },
  'analysing-use': { section: 'how-we-collect-information', block: 2, item: 1 },
  'ad-optimisation': { section: 'how-we-collect-information', block: 2, item: 2 },
  'third-party-cookies': { section: 'how-we-collect-information', block: 4 },
  'browser-controls': { section: 'how-we-collect-information', block: 5 },
  'switch-off-location': { section: 'location-data', block: 2 },
};

/** The anchor id of a block or list item, if it has one. */
export function anchorAt(section: string, block: number, item?: number): string | undefined {
  for (const [id, anchor] of Object.entries(POLICY_ANCHORS)) {
    if (anchor.section === section && anchor.block === block && anchor.item === item) return id;
  }
  return undefined;
}
