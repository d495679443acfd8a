// The one import of webextension-polyfill: Promise-based `browser.*` in Chrome and Firefox.
// Kept behind this module so it can be replaced without touching callers.
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export { browser };
