/** razylyk's release (package.json's version): `razylyk.version` on the page. */
export const VERSION = '0.1.0';
