import { browser } from '../shared/browser';

const isOpenPopupRequest = (message: unknown): message is { e2e: 'openPopup'; query: string } =>
  typeof message === 'object' &&
  message !== null &&
  (message as { e2e?: unknown }).e2e === 'openPopup' &&
  typeof (message as { query?: unknown }).query === 'string';

/**
 * Test-only hooks, compiled in only when `__UNCANNED_E2E__` is true (release bundles are checked for their absence).
 * Returns `undefined` for every other message so the protocol's own listener answers it.
 */
export function installE2eHooks(): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isOpenPopupRequest(message)) return undefined;
    const query = /^\?tab=\d+$/.test(message.query) ? message.query : '';
    return browser.tabs.create({ url: browser.runtime.getURL(`popup/index.html${query}`) }).then(() => ({ ok: true }));
  });
}
