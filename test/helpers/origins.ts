/**
 * Two loopback origins: the test page runs on one (normally http://localhost:<port>) and the same server
 * answers on the other (http://127.0.0.1:<port>), a different origin and a different site, so the browser
 * treats a frame from it as a foreign one, with storage of its own.
 */
export const HERE = location.origin;
export const OTHER =
  location.hostname === '127.0.0.1'
    ? `${location.protocol}//localhost:${location.port}`
    : `${location.protocol}//127.0.0.1:${location.port}`;
