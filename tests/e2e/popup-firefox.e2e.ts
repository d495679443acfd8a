import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefox } from './lib/firefox';

// Smoke run of the popup and the options page in Firefox ESR (e2e build: the popup is opened in a tab by a hook).
describe('popup in Firefox ESR', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(() => session?.close());

  it('renders this tab, the tablist and the lists', async () => {
    await session.openPage('https://news.ycombinator.com/item?id=42187654');
    const popup = await session.openPopup();
    await popup.waitForSelector('[role="tablist"]');
    const tabs = await popup.$$eval('[role="tab"]', (nodes) => nodes.map((node) => node.textContent));
    expect(tabs.map((text) => text?.replace(/\d+$/, ''))).toEqual(['Senders', 'Templates', 'Muted']);
    expect(await popup.$eval('h1', (node) => node.textContent)).toBe('Uncanned');
    // Each list settles on rows or its empty state, never an error.
    await popup.waitForFunction(
      () =>
        ['senders', 'templates', 'muted'].every((id) => {
          const panel = document.getElementById(`panel-${id}`);
          return panel?.querySelector('[data-testid$="-row"], .state.empty') !== null;
        }),
      { timeout: 15_000 },
    );
    expect(await popup.$$('[role="alert"]')).toHaveLength(0);
    expect(await popup.$eval('.tab-card h2', (node) => node.textContent)).toBeTruthy();

    await popup.click('#tab-muted');
    expect(await popup.$eval('#tab-muted', (node) => node.getAttribute('aria-selected'))).toBe('true');
    expect(await popup.$eval('#panel-muted', (node) => (node as HTMLElement).hidden)).toBe(false);
  });
});
