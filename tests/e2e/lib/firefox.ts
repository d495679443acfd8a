/**
 * Launches Firefox ESR with the e2e build of the extension (puppeteer-core over WebDriver BiDi; no geckodriver, no
 * browser download). Fixture pages are served under their real site URLs by request interception.
 */
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { respondWithFixture } from './fixtures';

export const firefoxPath = '/usr/bin/firefox-esr';
export const geckoId = 'uncanned@uncanned.app';
/** Fixed internal UUID, so the moz-extension:// origin is known to tests. */
export const extensionUuid = '6d2f3c1a-0b9e-4c55-9a51-6a1f0c2b7e01';

export interface FirefoxSession {
  browser: Browser;
  /** Changes settings as the options page does (through the popup tab), e.g. `{ cannedAction: 'collapse' }`. */
  updateSettings(settings: Record<string, unknown>): Promise<void>;
  openPage(url: string): Promise<Page>;
  /** Opens the popup in a tab (Firefox refuses direct navigation to moz-extension:// from the driver). */
  openPopup(tabId?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(
  options: {
    extensionDir?: string;
    /** Extra about:config prefs, merged over the defaults (e.g. grant optional permissions without a prompt). */
    prefs?: Record<string, unknown>;
  } = {},
): Promise<FirefoxSession> {
  const extensionDir = path.resolve(options.extensionDir ?? 'dist/e2e-firefox');
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build at ${extensionDir}: run node scripts/build.mjs --e2e`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: extensionUuid }),
      ...options.prefs,
    },
  });
  await browser.installExtension(extensionDir);
  const openPage = async (url: string) => {
    const page = await browser.newPage();
    await serveFixtures(page);
    await page.goto(url);
    return page;
  };
  const session: FirefoxSession = {
    browser,
    openPage,
    async updateSettings(settings) {
      const popup = await session.openPopup();
      await popup.evaluate(
        (input) =>
          (globalThis as unknown as ExtensionGlobals).browser.runtime.sendMessage({ type: 'updateSettings', input }),
        { settings },
      );
      await popup.close();
    },
    async openPopup(tabId) {
      const before = new Set(await browser.pages());
      const query = tabId === undefined ? '' : `?tab=${tabId}`;
      // The e2e build's hook (src/e2e/open-popup.ts) asks the background to open the popup in a new tab.
      const opener = await openPage(`https://uncanned.test/open-popup${query}`);
      const popup = await waitFor(async () => {
        for (const page of await browser.pages()) {
          if (before.has(page) || page === opener) continue;
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.startsWith('moz-extension://')) return page;
        }
        return undefined;
      });
      await opener.close();
      return popup;
    },
    close: () => browser.close(),
  };
  return session;
}

/** What an extension page (the popup in a tab) has beside the page's globals. */
interface ExtensionGlobals {
  browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

export async function serveFixtures(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const response = respondWithFixture(request.url());
    if (response) void request.respond(response);
    else if (/^https?:/.test(request.url())) void request.abort('internetdisconnected');
    else void request.continue();
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Timed out waiting for the popup tab');
}
