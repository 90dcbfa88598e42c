/** razylyk: the consent engine, with the UI loaded lazily when the banner or the preferences must show. */
export * from './core/index.js';
