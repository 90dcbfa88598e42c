/** The lazily loaded part of the core (src/core/lazy.ts): built on its own as dist/cdn/extras.js. */
export { startFrameBridge } from './frame-bridge.js';
