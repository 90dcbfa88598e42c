/**
 * razylyk/host: the host-page side of the iframe bridge, for pages that show the banner of a central
 * consent page (another origin) in an iframe. It does not include the consent engine.
 */
export { connectRazylykFrame, type ConnectOptions, type RazylykFrame } from './connect.js';
export { readAnnouncement } from './messages.js';
export * from '../core/protocol.js';
export type { ConsentRecord, Choices, PurposeId, RazylykChangeEvent } from '../core/types.js';
