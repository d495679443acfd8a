/**
 * In-memory stand-in for the `browser` object in unit tests (STYLE §5): the real polyfill throws outside an
 * extension. `storage.sync` enforces Chrome's quotas so chunking is tested against real limits.
 */
import { vi } from 'vitest';
import { fakeBrowser } from '../../shared/fake-i18n';

type Listener = (...args: never[]) => unknown;
type Items = Record<string, unknown>;

function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    listeners,
    addListener: (listener: Listener) => void listeners.add(listener),
    removeListener: (listener: Listener) => void listeners.delete(listener),
    hasListener: (listener: Listener) => listeners.has(listener),
  };
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

export interface SyncQuota {
  QUOTA_BYTES: number;
  QUOTA_BYTES_PER_ITEM: number;
  MAX_ITEMS: number;
}

export function fakeStorageArea(quota?: SyncQuota) {
  const data = new Map<string, string>();
  const read = (key: string): unknown => {
    const raw = data.get(key);
    return raw === undefined ? undefined : JSON.parse(raw);
  };
  const checkQuota = (next: Map<string, string>) => {
    if (!quota) return;
    let total = 0;
    for (const [key, raw] of next) {
      const size = utf8Length(key) + utf8Length(raw);
      if (size > quota.QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      total += size;
    }
    if (total > quota.QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
    if (next.size > quota.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
  };
  return {
    data,
    ...quota,
    get: vi.fn(async (keys?: string | string[] | null) => {
      const wanted = keys === undefined || keys === null ? [...data.keys()] : [keys].flat();
      const result: Items = {};
      for (const key of wanted) if (data.has(key)) result[key] = read(key);
      return result;
    }),
    set: vi.fn(async (items: Items) => {
      const next = new Map(data);
      for (const [key, value] of Object.entries(items)) next.set(key, JSON.stringify(value));
      checkQuota(next);
      for (const [key, raw] of next) data.set(key, raw);
    }),
    remove: vi.fn(async (keys: string | string[]) => {
      for (const key of [keys].flat()) data.delete(key);
    }),
    clear: vi.fn(async () => data.clear()),
  };
}

export type FakeStorageArea = ReturnType<typeof fakeStorageArea>;

export interface FakeTab {
  id: number;
  url?: string;
  active?: boolean;
  /** Tabs without a content script reject messages, like the real API. */
  hasContentScript?: boolean;
}

export function createFakeBrowser() {
  const tabs: FakeTab[] = [];
  const registeredScripts: { id: string; matches?: string[]; css?: string[] }[] = [];
  const grantedOrigins = new Set<string>();
  const manifest: { content_scripts: { js: string[]; css?: string[] }[] } = {
    content_scripts: [{ js: ['content.js'] }],
  };
  const fake = {
    openTabs: tabs,
    grantedOrigins,
    registeredScripts,
    manifest,
    storage: {
      local: fakeStorageArea(),
      session: fakeStorageArea() as FakeStorageArea | undefined,
      sync: fakeStorageArea({ QUOTA_BYTES: 102_400, QUOTA_BYTES_PER_ITEM: 8192, MAX_ITEMS: 512 }),
      onChanged: fakeEvent(),
    },
    runtime: {
      id: 'uncanned-test',
      getURL: (path: string) => `chrome-extension://uncanned-test/${path}`,
      onMessage: fakeEvent(),
      onInstalled: fakeEvent(),
      onStartup: fakeEvent(),
      sendMessage: vi.fn(),
      /** Chrome's: Firefox's also lists content.css (tests set `manifest.content_scripts[0].css`). */
      getManifest: () => manifest,
    },
    action: { setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}) },
    i18n: fakeBrowser.i18n, // the real en messages.json with Chrome's placeholder rules
    permissions: {
      contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => grantedOrigins.has(o))),
    },
    scripting: {
      executeScript: vi.fn(async () => []),
      insertCSS: vi.fn(async () => {}),
      updateContentScripts: vi.fn(async (scripts: { id: string; css?: string[] }[]) => {
        for (const change of scripts)
          Object.assign(registeredScripts.find((known) => known.id === change.id) ?? {}, change);
      }),
      registerContentScripts: vi.fn(async (scripts: { id: string; matches?: string[]; css?: string[] }[]) => {
        for (const script of scripts) {
          if (registeredScripts.some((known) => known.id === script.id)) throw new Error(`Duplicate id ${script.id}`);
          registeredScripts.push(script);
        }
      }),
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids?: string[] } = {}) =>
        registeredScripts.filter((script) => !ids || ids.includes(script.id)),
      ),
    },
  };
  const tabsApi = {
    query: vi.fn(async (query: { active?: boolean } = {}) =>
      tabs.filter((tab) => query.active === undefined || tab.active === query.active),
    ),
    get: vi.fn(async (tabId: number) => {
      const tab = tabs.find((candidate) => candidate.id === tabId);
      if (!tab) throw new Error(`No tab with id: ${tabId}.`);
      return tab;
    }),
    sendMessage: vi.fn(async (tabId: number, _message: unknown) => {
      const tab = tabs.find((candidate) => candidate.id === tabId);
      if (!tab?.hasContentScript) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true, value: undefined };
    }),
    onActivated: fakeEvent(),
    onRemoved: fakeEvent(),
  };
  return { ...fake, tabs: tabsApi };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;
