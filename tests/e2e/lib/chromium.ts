/**
 * Launches Debian's Chromium with the built extension (playwright-core; no browser download). Fixture pages are
 * served under their real site URLs by request routing (see fixtures.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { respondWithFixture } from './fixtures';

export const chromiumPath = fs.existsSync('/usr/lib/chromium/chromium')
  ? '/usr/lib/chromium/chromium'
  : '/usr/bin/chromium';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** The running service worker, waiting for it to (re)start if needed. */
  worker(): Promise<Worker>;
  openPage(url: string): Promise<Page>;
  /** Opens the popup in a normal tab; `tabId` makes it describe that tab instead of itself. */
  openPopup(tabId?: number): Promise<Page>;
  /** Stops the extension's service worker, as Chrome does with idle workers. */
  stopWorker(): Promise<void>;
  /** The browser tab id of a page, matched by URL. */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export interface ChromiumOptions {
  extensionDir?: string;
  profileDir?: string;
  headless?: boolean;
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  const extensionDir = path.resolve(options.extensionDir ?? 'dist/chrome');
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json')))
    throw new Error(`No build at ${extensionDir}: run npm run build`);
  const profileDir = options.profileDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'uncanned-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: options.headless ?? true,
    viewport: { width: 1100, height: 900 },
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...quietChromiumArgs],
  });
  await context.route(/^https?:\/\//, (route) => {
    const response = respondWithFixture(route.request().url());
    return response ? route.fulfill(response) : route.abort('internetdisconnected');
  });
  const worker = async () =>
    context.serviceWorkers().find((sw) => sw.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL((await worker()).url()).host;
  const session: ChromiumSession = {
    context,
    extensionId,
    profileDir,
    worker,
    async openPage(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async openPopup(tabId) {
      const page = await context.newPage();
      const query = tabId === undefined ? '' : `?tab=${tabId}`;
      await page.goto(`chrome-extension://${extensionId}/popup/index.html${query}`);
      return page;
    },
    async stopWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async tabIdOf(page) {
      // Without the `tabs` permission (deliberately not requested) tab URLs are hidden: use the active tab.
      await page.bringToFront();
      const [tab] = await (await worker()).evaluate(() => chrome.tabs.query({ active: true, lastFocusedWindow: true }));
      if (tab?.id === undefined) throw new Error(`No active tab for ${page.url()}`);
      return tab.id;
    },
    close: () => context.close(),
  };
  return session;
}

/** Flags that keep Chromium off the (closed) network and quiet in CI. */
export const quietChromiumArgs = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
