// @vitest-environment happy-dom
// Messages that come later wait unpainted until read or judged (page-style.ts `waitingCss`), never long.
import { describe, expect, it, vi } from 'vitest';
import type { PageState } from '../shared/views';
import { setBehind, updatePageStyle, waitingCss } from './page-style';
import { message, testAdapter, testState } from './test-messages';
import { pipelineOn } from './test-pipeline';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));

const chat = { ...testAdapter, unhookedItems: 'div.message.chat' };
const muting = (scope: 'all' | 'canned', until?: number): PageState => ({
  ...testState,
  mutes: [{ sender: 'spammer', scope, ...(until === undefined ? {} : { until }) }],
});

describe('waitingCss', () => {
  it('waits for the verdict of every message when canned ones fold', () => {
    expect(waitingCss(testAdapter, { ...testState, cannedAction: 'collapse' })).toBe(
      ':root:not([data-uncanned-behind]) :is(div.message):not([data-uncanned], [data-uncanned-unread]){visibility:hidden!important}',
    );
  });

  it('waits only for the reading of messages no CSS hook names, and only while a whole-sender mute is active', () => {
    expect(waitingCss(chat, muting('all'))).toContain(':is(div.message.chat):not([data-uncanned-id], ');
    expect(waitingCss(chat, muting('all', Date.now() - 1))).toBeUndefined(); // lapsed
    expect(waitingCss(chat, muting('canned'))).toBeUndefined(); // waits for a verdict: CSS cannot help
    expect(waitingCss(testAdapter, muting('all'))).toBeUndefined(); // every item has a pre-hide rule
    expect(waitingCss(chat, testState)).toBeUndefined();
    expect(waitingCss(chat, { ...muting('all'), paused: true, cannedAction: 'hide' })).toBeUndefined();
  });

  it('in Firefox, gates the rule by a root attribute and has the browser insert it (ours would outlive the extension)', () => {
    const firefoxDoc = { defaultView: { wrappedJSObject: {} } } as unknown as Document;
    expect(waitingCss(testAdapter, { ...testState, cannedAction: 'collapse' }, firefoxDoc)).toBe(
      ':root[data-uncanned-wait="data-uncanned"]:not([data-uncanned-behind]) :is(div.message):not([data-uncanned], [data-uncanned-unread]){visibility:hidden!important}',
    );
    expect(waitingCss(testAdapter, { ...testState, cannedAction: 'collapse' }, document)).toMatch(/^:root:not/);
  });

  it('in Firefox, asks for each rule once, keeps it out of our <style>, and switches it by the root attribute', async () => {
    const root = document.documentElement;
    const view = window as unknown as { wrappedJSObject?: object };
    view.wrappedJSObject = {};
    try {
      const insertSheet = vi.fn(async (_css: string) => {});
      const collapse = { ...testState, cannedAction: 'collapse' as const };
      // A refused insert (no access to the frame) is asked for again by the next state that needs the rule.
      insertSheet.mockRejectedValueOnce(new Error('Missing host permission'));
      updatePageStyle(document, chat, collapse, insertSheet);
      await new Promise((resolve) => setTimeout(resolve));
      updatePageStyle(document, chat, collapse, insertSheet);
      updatePageStyle(document, chat, collapse, insertSheet);
      expect(insertSheet).toHaveBeenCalledTimes(2);
      expect(insertSheet.mock.calls[1]?.[0]).toContain(':root[data-uncanned-wait="data-uncanned"]');
      expect(root.getAttribute('data-uncanned-wait')).toBe('data-uncanned');
      expect(document.getElementById('uncanned-page-style')?.textContent).not.toContain('visibility:hidden');
      updatePageStyle(document, chat, muting('all'), insertSheet); // now waits for reading only
      expect(insertSheet).toHaveBeenCalledTimes(3);
      expect(root.getAttribute('data-uncanned-wait')).toBe('data-uncanned-id');
      updatePageStyle(document, chat, testState, insertSheet);
      expect(root.hasAttribute('data-uncanned-wait')).toBe(false);
      updatePageStyle(document, chat, collapse, insertSheet); // its sheet is still there: only the attribute
      expect(insertSheet).toHaveBeenCalledTimes(3);
      expect(root.getAttribute('data-uncanned-wait')).toBe('data-uncanned');
    } finally {
      delete view.wrappedJSObject;
      updatePageStyle(document, testAdapter, testState);
    }
  });

  it('marks the root while behind, and only while there is a rule to turn off', () => {
    const root = document.documentElement;
    updatePageStyle(document, testAdapter, testState);
    setBehind(document, true);
    expect(root.hasAttribute('data-uncanned-behind')).toBe(false);
    updatePageStyle(document, testAdapter, { ...testState, cannedAction: 'collapse' });
    expect(root.hasAttribute('data-uncanned-behind')).toBe(true);
    setBehind(document, false);
    expect(root.hasAttribute('data-uncanned-behind')).toBe(false);
  });
});

describe('messages nothing will judge', () => {
  it('are marked unread so they never wait, and lose the mark once they can be read', async () => {
    document.body.replaceChildren();
    const item = message('m1');
    delete item.dataset.sender; // a deleted account: no sender
    document.body.append(item);
    const { pipeline, settle } = pipelineOn(document);
    pipeline.enqueue([document]);
    await settle();
    expect(item.hasAttribute('data-uncanned-unread')).toBe(true);
    item.dataset.sender = 'back';
    pipeline.enqueue([item]);
    await settle();
    expect(item.hasAttribute('data-uncanned-unread')).toBe(false);
    expect(item.getAttribute('data-uncanned')).toBe('clean');
    delete item.dataset.sender;
    pipeline.enqueue([item]);
    await settle();
    pipeline.clearAll(); // paused: nothing of ours stays
    expect(item.hasAttribute('data-uncanned-unread')).toBe(false);
  });
});
