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
    // Each list settles on rows or its empty state, never an error (panels mount when their tab is opened).
    for (const id of ['senders', 'templates', 'muted']) {
      await popup.click(`#tab-${id}`);
      expect(await popup.$eval(`#tab-${id}`, (node) => node.getAttribute('aria-selected'))).toBe('true');
      await popup.waitForFunction(
        (panelId) => {
          const panel = document.getElementById(`panel-${panelId}`);
          return !panel?.hidden && panel?.querySelector('[data-testid$="-row"], .state.empty') != null;
        },
        { timeout: 15_000 },
        id,
      );
    }
    expect(await popup.$$('[role="alert"]')).toHaveLength(0);
    await popup.click('#tab-senders');
    // The Hacker News page opened first has a repeat sender with 3 copies (content → background → popup).
    const deadline = Date.now() + 15_000;
    let rows: string[] = [];
    while (Date.now() < deadline) {
      rows = await popup.$$eval('[data-testid="sender-row"]', (nodes) => nodes.map((node) => node.textContent ?? ''));
      if (rows.some((text) => text.includes('quickgains_hub') && text.includes('×3'))) break; // batches come in turn
      await new Promise((resolve) => setTimeout(resolve, 500));
      await popup.reload();
      await popup.waitForSelector('[role="tablist"]');
    }
    expect(rows.find((text) => text.includes('quickgains_hub'))).toMatch(/×3/);
    await popup.screenshot({ path: 'test-results/popup-firefox-smoke.png' }); // for a human look; not in docs
    expect(await popup.$eval('.tab-card h2', (node) => node.textContent)).toBeTruthy();
  });
});
