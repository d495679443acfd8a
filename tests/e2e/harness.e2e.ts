import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './lib/chromium';
import { type FirefoxSession, launchFirefox } from './lib/firefox';

// Smoke test of the harness itself: fixture routing under real URLs, extension loaded, popup reachable.
describe('harness in Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(() => session?.close());

  it('serves fixture hosts locally and loads the extension', async () => {
    const page = await session.openPage('https://uncanned.test/');
    expect(await page.title()).toBe('Uncanned test');
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    const popup = await session.openPopup();
    await expect.poll(() => popup.locator('#app').innerHTML()).not.toBe('');
  });
});

describe('harness in Firefox', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(() => session?.close());

  it('opens the popup in a tab through the e2e hook', async () => {
    const popup = await session.openPopup();
    expect(await popup.evaluate(() => location.pathname)).toBe('/popup/index.html');
  });
});
