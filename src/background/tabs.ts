/** Per-tab state: what content scripts reported, the toolbar badge, the popup's "This tab" summary. */

import { browser } from '../shared/browser';
import type { SenderInfo } from '../shared/dispatch';
import type { InputOf, toBackgroundSchemas } from '../shared/messages';
import type { TabStatus, TabSummary } from '../shared/views';
import { getDb } from '../store/connection';
import type { FrameReport, TabRecord } from '../store/schema';
import { loadSettings } from '../store/settings';
import { deleteTabStatus, getTabStatus, putTabStatus } from '../store/tab-status';

type Report = InputOf<typeof toBackgroundSchemas, 'reportPageStatus'>;

const badgeText = (canned: number) => (canned <= 0 ? '' : canned > 999 ? '999+' : String(canned));

export async function showBadge(tabId: number, canned: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: badgeText(canned) });
}

/** Changes to one tab's record run one at a time: two frames reporting at once must not overwrite each other. */
const tabQueues = new Map<number, Promise<unknown>>();

function inTabQueue<T>(tabId: number, task: () => Promise<T>): Promise<T> {
  const done = (tabQueues.get(tabId) ?? Promise.resolve()).then(task, task);
  const settled = done.catch(() => {});
  tabQueues.set(tabId, settled);
  void settled.then(() => tabQueues.get(tabId) === settled && tabQueues.delete(tabId));
  return done;
}

export function reportPageStatus(report: Report, sender: SenderInfo): Promise<void> {
  // Only a content script in a tab reports about its own tab; the tab id comes from the browser, not the page.
  const tabId = sender.tabId;
  if (tabId === undefined) throw new RangeError('reportPageStatus must come from a tab');
  return inTabQueue(tabId, async () => {
    const db = await getDb();
    const record = withFrameReport(await getTabStatus(db, tabId), tabId, sender.frameId ?? 0, report);
    await putTabStatus(db, record);
    await showBadge(tabId, record.canned);
  });
}

/**
 * The tab started loading (a new page, a reload, or a single-page app's new address: browsers say "loading" for
 * `pushState` too): the frames inside it are new
 * ones (a reloaded chat or Disqus embed gets a new frame id), so only the top frame's report is kept until they
 * report again.
 */
export function tabNavigated(tabId: number): Promise<void> {
  return inTabQueue(tabId, async () => {
    const db = await getDb();
    const previous = await getTabStatus(db, tabId);
    const frames = previous?.frames;
    if (!frames || Object.keys(frames).every((frameId) => frameId === '0')) return;
    const record = frames[0] && combine(tabId, { 0: frames[0] });
    if (record) await putTabStatus(db, record);
    else await deleteTabStatus(db, tabId);
    await showBadge(tabId, record?.canned ?? 0);
  });
}

/** The tab's record with one frame's new report (a new page's frames were dropped by `tabNavigated`). */
export function withFrameReport(
  previous: TabRecord | undefined,
  tabId: number,
  frameId: number,
  report: FrameReport,
): TabRecord {
  return combine(tabId, { ...previous?.frames, [frameId]: report }) as TabRecord;
}

/**
 * Counts summed over the frames, the site and layout flag of the frame that read the most (the top frame on a tie;
 * any frame's flag while none reads), the top frame's address when it reported (the popup checks the tab is still
 * on it). Undefined without frames.
 */
function combine(tabId: number, frames: Record<string, FrameReport>): TabRecord | undefined {
  const all = Object.entries(frames);
  if (all.length === 0) return undefined;
  const [, main] = all.reduce((best, entry) =>
    entry[1].read > best[1].read || (entry[1].read === best[1].read && entry[0] === '0') ? entry : best,
  );
  const sum = (key: 'read' | 'canned' | 'hidden') => all.reduce((total, [, frame]) => total + frame[key], 0);
  return {
    tabId,
    site: main.site,
    url: (frames[0] ?? main).url,
    recognised: all.some(([, frame]) => frame.recognised),
    read: sum('read'),
    canned: sum('canned'),
    hidden: sum('hidden'),
    // A frame's broken layout shows when no frame reads anything (a blog whose only comments are a Disqus embed).
    ...(main.layoutChanged || (sum('read') === 0 && all.some(([, frame]) => frame.layoutChanged))
      ? { layoutChanged: true }
      : {}),
    updatedAt: Date.now(),
    frames,
  };
}

/** Re-applies the badge of the tab the user switched to (the worker may have restarted meanwhile). */
export async function refreshBadge(tabId: number): Promise<void> {
  const status = await getTabStatus(await getDb(), tabId);
  await showBadge(tabId, status?.canned ?? 0);
}

export function forgetTab(tabId: number): Promise<void> {
  return inTabQueue(tabId, async () => deleteTabStatus(await getDb(), tabId));
}

const sameOrigin = (a: string, b: string) => {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
};

function statusOf(report: TabRecord, paused: boolean): TabStatus {
  if (paused) return 'paused';
  if (!report.recognised) return 'unsupported';
  return report.layoutChanged ? 'no-messages' : 'active';
}

export async function getTabSummary(tabId: number): Promise<TabSummary> {
  const [tab, report, settings] = await Promise.all([
    browser.tabs.get(tabId).catch(() => undefined),
    getDb().then((db) => getTabStatus(db, tabId)),
    loadSettings(),
  ]);
  const empty = { tabId, read: 0, canned: 0, hidden: 0 };
  const url = tab?.url;
  // A report from a page the tab has since left describes nothing.
  if (report && (url === undefined || sameOrigin(report.url, url))) {
    const { site, read, canned, hidden } = report;
    return { tabId, site, status: statusOf(report, settings.disabledSites.includes(site)), read, canned, hidden };
  }
  if (!url || !/^https?:/.test(url)) return { ...empty, site: null, status: 'unsupported' };
  const origin = new URL(url).origin;
  const isGranted = await browser.permissions.contains({ origins: [`${origin}/*`] });
  return isGranted
    ? { ...empty, site: null, status: 'unsupported' }
    : { ...empty, site: null, status: 'needs-permission', origin };
}

/**
 * The stylesheets the manifest lists with content.js: Firefox's content.css (src/content/firefox-sheet.ts), none in
 * Chrome. Firefox gives them as moz-extension:// URLs, and registering them takes paths.
 */
const contentCss = () => (browser.runtime.getManifest().content_scripts?.[0]?.css ?? []).map(relativeToExtension);

const relativeToExtension = (file: string) => {
  const root = browser.runtime.getURL('');
  return file.startsWith(root) ? file.slice(root.length) : file;
};

/** Registers content.js for a user-granted origin (Mastodon, WordPress…), kept across browser restarts. */
export async function enableOnOrigin(originText: string, tabId?: number): Promise<void> {
  let origin: string;
  try {
    const url = new URL(originText);
    origin = url.origin;
    if (!/^https?:$/.test(url.protocol) || origin !== originText.replace(/\/$/, '')) throw new Error();
  } catch {
    throw new RangeError(`Not an http(s) origin: ${originText.slice(0, 100)}`);
  }
  const matches = [`${origin}/*`];
  if (!(await browser.permissions.contains({ origins: matches }))) {
    throw new Error(`No permission for ${origin}: request it first`);
  }
  const id = `origin:${origin}`;
  const css = contentCss();
  const withCss = css.length > 0 ? { css } : {};
  const [known] = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (known) {
    // Registered by a version without the stylesheet: it comes with the next load.
    const knownCss = (known.css ?? []).map(relativeToExtension);
    if (css.some((file) => !knownCss.includes(file))) await browser.scripting.updateContentScripts([{ id, css }]);
    return;
  }
  await browser.scripting.registerContentScripts([
    {
      id,
      matches,
      js: ['content.js'],
      ...withCss,
      runAt: 'document_start',
      allFrames: true,
      persistAcrossSessions: true,
    },
  ]);
  // Registered scripts only run on the next load: start reading the page the user is looking at now.
  if (tabId !== undefined) {
    const target = { tabId, allFrames: true };
    await Promise.all([
      browser.scripting.executeScript({ target, files: ['content.js'] }),
      css.length > 0 ? browser.scripting.insertCSS({ target, files: css }) : undefined,
    ]).catch((error: unknown) => console.warn(`[uncanned] could not start on tab ${tabId}: ${String(error)}`));
  }
}
