/**
 * Loads the background's handlers against fake-indexeddb and an in-memory fake browser, as a fresh worker
 * would: `restart()` drops every module (and so all in-memory state) but keeps the database and storage.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { dispatch, type SenderInfo, unwrapReply } from '../../shared/dispatch';
import { type ToBackground, toBackgroundSchemas } from '../../shared/messages';
import { createFakeBrowser, type FakeBrowser } from '../../store/testing/fake-browser';

export const fakeState = { browser: undefined as unknown as FakeBrowser };

export const contentScript = (tabId = 1, frameId = 0): SenderInfo => ({
  isOwnExtension: true,
  isExtensionPage: false,
  tabId,
  frameId,
  url: 'https://x.com/home',
});
export const extensionPage: SenderInfo = {
  isOwnExtension: true,
  isExtensionPage: true,
  url: 'chrome-extension://uncanned-test/popup/index.html',
};

type Input<K extends keyof ToBackground> = Parameters<ToBackground[K]>[0];

export interface Background {
  browser: FakeBrowser;
  /** Sends a message through `dispatch` (validation and origin checks included) and unwraps the reply. */
  send<K extends keyof ToBackground>(
    type: K,
    input: Input<K>,
    sender?: SenderInfo,
  ): Promise<ReturnType<ToBackground[K]>>;
  /** The raw reply, for error paths. */
  reply(type: string, input: unknown, sender?: SenderInfo): ReturnType<typeof dispatch>;
  /** Simulates the browser stopping and restarting the worker: modules reload, storage stays. */
  restart(): Promise<void>;
  modules: Awaited<ReturnType<typeof loadModules>>;
}

async function loadModules() {
  vi.resetModules();
  return {
    handlers: (await import('../handlers')).handlers,
    engineHost: await import('../engine-host'),
    connection: await import('../../store/connection'),
  };
}

/** A fresh worker with an empty database. Call in `beforeEach`; `vi.mock('../shared/browser')` must be set up. */
export async function startBackground(): Promise<Background> {
  globalThis.indexedDB = new IDBFactory();
  fakeState.browser = createFakeBrowser();
  const background = {
    browser: fakeState.browser,
    modules: await loadModules(),
    reply(type: string, input: unknown, sender: SenderInfo = extensionPage) {
      return dispatch(toBackgroundSchemas, background.modules.handlers, { type, input }, sender);
    },
    async send<K extends keyof ToBackground>(type: K, input: Input<K>, sender: SenderInfo = extensionPage) {
      return unwrapReply<ReturnType<ToBackground[K]>>(type, await background.reply(type, input, sender));
    },
    async restart() {
      await background.modules.connection.closeDb();
      background.modules = await loadModules();
    },
  };
  return background;
}

/** The module mock every background test file installs (hoisted by vitest). */
export const browserModuleMock = () => ({
  get browser() {
    return fakeState.browser;
  },
});

/** Texts long enough for the engine (minWords 5). */
export const texts = {
  promo: 'Check out my channel for the best crypto giveaway ever made',
  other: 'I think the second half of the video explains the idea much better',
  third: 'Does anyone know which camera was used for this beautiful shot here',
};
