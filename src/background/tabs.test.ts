import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Background, browserModuleMock, contentScript, startBackground } from './testing/harness';

vi.mock('../shared/browser', () => browserModuleMock());

let bg: Background;
beforeEach(async () => {
  bg = await startBackground();
});

const report = (
  tabId: number,
  change: Partial<{ recognised: boolean; read: number; canned: number; url: string }> = {},
) =>
  bg.send(
    'reportPageStatus',
    { site: 'x', url: 'https://x.com/home', recognised: true, read: 10, canned: 3, hidden: 1, ...change },
    contentScript(tabId),
  );

describe('tab summary and badge', () => {
  it('shows the canned count on the tab badge', async () => {
    await report(5);
    expect(bg.browser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 5, text: '3' });
    await report(5, { canned: 0 });
    expect(bg.browser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 5, text: '' });
  });

  it('adds up the frames of a tab (a page and its chat or Disqus frame), each report replacing its own frame', async () => {
    const frameReport = (frameId: number, read: number, canned: number, url = 'https://x.com/home') =>
      bg.send(
        'reportPageStatus',
        { site: frameId === 0 ? 'x' : 'disqus', url, recognised: true, read, canned, hidden: 0 },
        contentScript(7, frameId),
      );
    await Promise.all([frameReport(0, 2, 1), frameReport(3, 40, 5)]); // at once: neither may be lost
    expect(await bg.send('getTabSummary', { tabId: 7 })).toMatchObject({ site: 'disqus', read: 42, canned: 6 });
    expect(bg.browser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '6' });
    await frameReport(3, 0, 0); // the frame paused or emptied
    expect(await bg.send('getTabSummary', { tabId: 7 })).toMatchObject({ site: 'x', read: 2, canned: 1 });
    await frameReport(3, 9, 4);
    await (await import('./tabs')).tabNavigated(7); // the tab loads (also said for a single-page app's new address)
    await frameReport(0, 1, 0, 'https://x.com/other'); // a new page in the top frame: the old frames are gone
    expect(await bg.send('getTabSummary', { tabId: 7 })).toMatchObject({ site: 'x', read: 1, canned: 0 });
  });

  it('keeps only the top frame once the tab loads anew (reloaded frames come back with new ids)', async () => {
    const { tabNavigated } = await import('./tabs');
    const frameReport = (tabId: number, frameId: number, read: number, canned: number) =>
      bg.send(
        'reportPageStatus',
        { site: 'youtube', url: 'https://www.youtube.com/watch?v=a', recognised: true, read, canned, hidden: 0 },
        contentScript(tabId, frameId),
      );
    await frameReport(9, 0, 5, 1);
    await frameReport(9, 2, 40, 4); // the live chat
    await tabNavigated(9); // reload: the chat frame goes, the top frame reports again
    await frameReport(9, 5, 3, 0); // the new chat frame
    expect(await bg.send('getTabSummary', { tabId: 9 })).toMatchObject({ read: 8, canned: 1 });
    expect(bg.browser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 9, text: '1' });
    await frameReport(10, 3, 12, 2); // a Disqus embed, the only frame with a content script
    await tabNavigated(10); // the next article
    await frameReport(10, 4, 7, 1);
    expect(await bg.send('getTabSummary', { tabId: 10 })).toMatchObject({ read: 7, canned: 1 });
  });

  it("says so when a frame cannot read its messages and no frame reads any, not when the page's own are read", async () => {
    bg.browser.openTabs.push({ id: 11, url: 'https://blog.example/post' });
    const frameReport = (frameId: number, read: number, layoutChanged: boolean) =>
      bg.send(
        'reportPageStatus',
        {
          site: 'disqus',
          url: 'https://blog.example/post',
          recognised: true,
          read,
          canned: 0,
          hidden: 0,
          layoutChanged,
        },
        contentScript(11, frameId),
      );
    await frameReport(0, 0, false); // the blog itself: no comments of its own
    await frameReport(4, 0, true); // the Disqus embed: comments show, none is read
    expect(await bg.send('getTabSummary', { tabId: 11 })).toMatchObject({ status: 'no-messages' });
    await frameReport(0, 6, false); // the page's own comments are read
    expect(await bg.send('getTabSummary', { tabId: 11 })).toMatchObject({ status: 'active', read: 6 });
  });

  it('rejects a report that does not come from a tab', async () => {
    const reply = await bg.reply(
      'reportPageStatus',
      { site: 'x', url: 'u', recognised: true, read: 0, canned: 0, hidden: 0 },
      {
        ...contentScript(),
        tabId: undefined,
      },
    );
    expect(reply).toMatchObject({ ok: false, error: { name: 'RangeError' } });
  });

  it.each([
    ['active', {}, 'active'],
    ['recognised, no messages yet', { read: 0, canned: 0 }, 'active'],
    ['recognised, messages the adapter cannot read', { read: 0, canned: 0, layoutChanged: true }, 'no-messages'],
    ['not recognised', { recognised: false }, 'unsupported'],
  ] as const)('reports a %s page', async (_name, change, status) => {
    bg.browser.openTabs.push({ id: 5, url: 'https://x.com/home' });
    await report(5, change);
    expect(await bg.send('getTabSummary', { tabId: 5 })).toMatchObject({ tabId: 5, site: 'x', status });
  });

  it('keeps the summary across a worker restart (storage.session)', async () => {
    bg.browser.openTabs.push({ id: 5, url: 'https://x.com/home' });
    await report(5);
    await bg.restart();
    expect(await bg.send('getTabSummary', { tabId: 5 })).toMatchObject({
      status: 'active',
      read: 10,
      canned: 3,
      hidden: 1,
    });
  });

  it('keeps the summary in IndexedDB where storage.session is missing', async () => {
    bg.browser.storage.session = undefined;
    bg.browser.openTabs.push({ id: 5, url: 'https://x.com/home' });
    await report(5);
    await bg.restart();
    expect(await bg.send('getTabSummary', { tabId: 5 })).toMatchObject({ status: 'active', canned: 3 });
  });

  it('says paused on a paused site', async () => {
    bg.browser.openTabs.push({ id: 5, url: 'https://x.com/home' });
    await report(5);
    await bg.send('setSitePaused', { site: 'x', paused: true });
    expect((await bg.send('getTabSummary', { tabId: 5 })).status).toBe('paused');
    await bg.send('setSitePaused', { site: 'x', paused: false });
    expect((await bg.send('getTabSummary', { tabId: 5 })).status).toBe('active');
  });

  it('asks for permission on an unknown site, and ignores a report from a page the tab left', async () => {
    bg.browser.openTabs.push({ id: 5, url: 'https://mastodon.example/@a' }, { id: 6, url: 'chrome://newtab/' });
    await report(5); // from x.com, before the tab navigated
    expect(await bg.send('getTabSummary', { tabId: 5 })).toMatchObject({
      status: 'needs-permission',
      origin: 'https://mastodon.example',
      site: null,
    });
    bg.browser.grantedOrigins.add('https://mastodon.example/*');
    expect((await bg.send('getTabSummary', { tabId: 5 })).status).toBe('unsupported');
    expect((await bg.send('getTabSummary', { tabId: 6 })).status).toBe('unsupported');
    expect((await bg.send('getTabSummary', { tabId: 99 })).status).toBe('unsupported');
  });

  it('restores the badge when a tab is activated and forgets closed tabs', async () => {
    bg.browser.openTabs.push({ id: 5, url: 'https://x.com/home' });
    await report(5);
    const { refreshBadge, forgetTab } = await import('./tabs');
    bg.browser.action.setBadgeText.mockClear();
    await refreshBadge(5);
    expect(bg.browser.action.setBadgeText).toHaveBeenCalledWith({ tabId: 5, text: '3' });
    await forgetTab(5);
    bg.browser.grantedOrigins.add('https://x.com/*'); // a manifest host: granted at install
    expect(await bg.send('getTabSummary', { tabId: 5 })).toMatchObject({ status: 'unsupported', site: null, read: 0 });
  });
});

describe('enableOnOrigin', () => {
  it('registers the content script for a granted origin, once', async () => {
    bg.browser.grantedOrigins.add('https://mastodon.example/*');
    await bg.send('enableOnOrigin', { origin: 'https://mastodon.example' });
    await bg.send('enableOnOrigin', { origin: 'https://mastodon.example/' });
    expect(bg.browser.scripting.registerContentScripts).toHaveBeenCalledOnce();
    expect(bg.browser.scripting.registerContentScripts).toHaveBeenCalledWith([
      expect.objectContaining({
        matches: ['https://mastodon.example/*'],
        js: ['content.js'],
        persistAcrossSessions: true,
      }),
    ]);
  });

  it('starts the content script in the tab the user enabled it from, only when newly enabled', async () => {
    bg.browser.grantedOrigins.add('https://mastodon.example/*');
    await bg.send('enableOnOrigin', { origin: 'https://mastodon.example', tabId: 7 });
    await bg.send('enableOnOrigin', { origin: 'https://mastodon.example', tabId: 7 });
    expect(bg.browser.scripting.executeScript).toHaveBeenCalledOnce();
    expect(bg.browser.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, allFrames: true },
      files: ['content.js'],
    });
    expect(bg.browser.scripting.insertCSS).not.toHaveBeenCalled(); // Chrome: no content.css
  });

  it("in Firefox, registers and injects the manifest's content.css with it, and adds it to an older registration", async () => {
    bg.browser.grantedOrigins.add('https://mastodon.example/*');
    bg.browser.registeredScripts.push({ id: 'origin:https://blog.example', matches: ['https://blog.example/*'] });
    bg.browser.grantedOrigins.add('https://blog.example/*');
    // As Firefox's getManifest() gives it: a full URL, which registering refuses.
    bg.browser.manifest.content_scripts[0] = {
      js: ['content.js'],
      css: ['chrome-extension://uncanned-test/content.css'],
    };
    await bg.send('enableOnOrigin', { origin: 'https://mastodon.example', tabId: 7 });
    expect(bg.browser.scripting.registerContentScripts).toHaveBeenCalledWith([
      expect.objectContaining({ js: ['content.js'], css: ['content.css'] }),
    ]);
    expect(bg.browser.scripting.insertCSS).toHaveBeenCalledWith({
      target: { tabId: 7, allFrames: true },
      files: ['content.css'],
    });
    await bg.send('enableOnOrigin', { origin: 'https://blog.example' }); // registered before content.css existed
    expect(bg.browser.registeredScripts.find((script) => script.id === 'origin:https://blog.example')?.css).toEqual([
      'content.css',
    ]);
  });

  it.each([
    ['without permission', 'https://mastodon.example', /No permission/],
    ['for a non-http origin', 'file:///etc', /Not an http\(s\) origin/],
    ['for a URL with a path', 'https://mastodon.example/@a', /Not an http\(s\) origin/],
    ['for garbage', 'not a url', /Not an http\(s\) origin/],
  ])('refuses %s', async (_name, origin, message) => {
    const reply = await bg.reply('enableOnOrigin', { origin });
    expect(reply.ok ? '' : reply.error.message).toMatch(message);
    expect(bg.browser.scripting.registerContentScripts).not.toHaveBeenCalled();
  });
});
