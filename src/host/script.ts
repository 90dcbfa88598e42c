/**
 * Script-tag entry of the host helper, built to dist/razylyk-host.js as a classic script whose exports
 * become `window.razylykHost`:
 *   const consent = razylykHost.connectRazylykFrame({ frame: '#consent', origin: 'https://consent.example' });
 */
export { connectRazylykFrame, PROTOCOL, PROTOCOL_VERSION } from './index.js';
