import type { ConsentRecord } from './types.js';

/**
 * The postMessage protocol, version 1. Every message is `{ protocol: 'razylyk', version: 1, type, … }`.
 * Same window: the instance announces `ready` and `change` to its own origin.
 * Iframe mode (`config.allowedOrigins`, in a frame): the parent page sends commands; the frame answers
 * to the exact origin that sent them and announces changes to the origin of the last `hello`.
 */
export const PROTOCOL = 'razylyk';
export const PROTOCOL_VERSION = 1;

interface Envelope<T extends string> {
  protocol: typeof PROTOCOL;
  version: typeof PROTOCOL_VERSION;
  type: T;
  /** Up to 64 characters, echoed in the reply (`ready` for `hello`, `state` for every other command). */
  requestId?: string;
}

export type BridgeCommand =
  | Envelope<'hello' | 'get' | 'accept-all' | 'reject-all' | 'withdraw' | 'open-preferences'>
  | (Envelope<'set'> & { choices: Record<string, boolean> })
  | (Envelope<'set-language'> & { language: string });
export type BridgeCommandType = BridgeCommand['type'];

/** The frame's state: the answer to `hello` (`ready`) and to every other command (`state`). */
export interface BridgeState<T extends 'ready' | 'state' = 'ready' | 'state'> extends Envelope<T> {
  /** The current record, null when the visitor has not decided (or withdrew). */
  record: ConsentRecord | null;
  language: string | null;
}
export type BridgeReady = BridgeState<'ready'>;
export type BridgeStateReply = BridgeState<'state'>;
/** A decision; after a withdrawal the record has method `withdraw` and the current record is null. */
export interface BridgeChange extends Omit<Envelope<'change'>, 'requestId'> {
  record: ConsentRecord;
}
export type BridgeAnnouncement = BridgeReady | BridgeStateReply | BridgeChange;
export type BridgeMessage = BridgeCommand | BridgeAnnouncement;
