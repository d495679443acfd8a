// @vitest-environment happy-dom
// Messages that come later wait unpainted until read or judged (page-style.ts `waitingCss`), never long.
import { describe, expect, it, vi } from 'vitest';
import type { PageState } from '../shared/views';
import { holdUntilState, releaseHold, setBehind, updatePageStyle, waitingCss } from './page-style';
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

  it('in Firefox, keeps the hold and the wait out of our <style> and turns the rules of content.css on instead', () => {
    const root = document.documentElement;
    const view = window as unknown as { wrappedJSObject?: object };
    view.wrappedJSObject = {}; // Firefox's content scripts see the page through Xray wrappers
    const style = () => document.getElementById('uncanned-page-style')?.textContent ?? '';
    try {
      holdUntilState(document, [testAdapter, chat]);
      expect(root.getAttribute('data-uncanned-hold')).toBe(`${testAdapter.id} ${chat.id}`);
      const collapse = { ...testState, cannedAction: 'collapse' as const };
      updatePageStyle(document, chat, collapse);
      expect(root.getAttribute('data-uncanned-wait')).toBe('data-uncanned');
      expect(root.getAttribute('data-uncanned-site')).toBe(chat.id);
      expect(style()).not.toContain('visibility:hidden');
      releaseHold(document);
      expect(root.hasAttribute('data-uncanned-hold')).toBe(false);
      updatePageStyle(document, chat, muting('all')); // now waits for reading only
      expect(root.getAttribute('data-uncanned-wait')).toBe('data-uncanned-id');
      // Kept for Back: the extension may be gone when the page comes back, so the rules go off meanwhile.
      window.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: true }));
      expect(root.hasAttribute('data-uncanned-wait')).toBe(false);
      window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
      expect(root.getAttribute('data-uncanned-wait')).toBe('data-uncanned-id');
      updatePageStyle(document, chat, testState);
      expect(root.hasAttribute('data-uncanned-wait')).toBe(false);
      expect(root.hasAttribute('data-uncanned-site')).toBe(false);
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
