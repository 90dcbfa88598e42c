/** The commands the host helper has sent and awaits an answer to, each with its own timeout. */
import type { BridgeCommandType, BridgeState } from '../core/protocol.js';

/** A command awaiting the frame's answer: the frame's state with its requestId resolves it. */
export interface Pending {
  resolve(state: BridgeState): void;
  reject(reason: Error): void;
}

/**
 * The frame's answer to the command `requestId`: it waits in `pending` until the frame's state for it
 * resolves it, and rejects when none comes within `timeout` ms.
 */
export function awaitAnswer(
  pending: Map<string, Pending>,
  requestId: string,
  type: BridgeCommandType,
  timeout: number,
): Promise<BridgeState> {
  return new Promise<BridgeState>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(requestId);
      reject(new Error(`razylyk: the consent frame did not answer "${type}" within ${timeout} ms.`));
    }, timeout);
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      pending.delete(requestId);
      fn();
    };
    pending.set(requestId, {
      resolve: (state) => settle(() => resolve(state)),
      reject: (reason) => settle(() => reject(reason)),
    });
  });
}
