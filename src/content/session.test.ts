// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ItemData } from './adapters/define-adapter';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));
/** The background, as the session sees it: classify requests the test answers, every other message recorded. */
const background = vi.hoisted(() => ({
  handlers: {} as Record<string, (input: unknown) => unknown>,
  sent: [] as { type: string; input: Record<string, unknown> }[],
  requests: [] as { items: ItemData[]; answer(verdicts: unknown[]): void }[],
}));
vi.mock('../shared/messaging', () => ({
  handleInContent: (handlers: Record<string, (input: unknown) => unknown>) => {
    background.handlers = handlers;
  },
  sendToBackground: (type: string, input: Record<string, unknown>) => {
    background.sent.push({ type, input });
    if (type !== 'classify') return Promise.resolve(undefined);
    return new Promise((resolve) => background.requests.push({ items: input.items as ItemData[], answer: resolve }));
  },
}));

const { startSession } = await import('./session');
const { cleanVerdict } = await import('./verdicts');
const { message, testAdapter: adapter, testState: state } = await import('./test-messages');
type PageState = import('../shared/views').PageState;

const canned = (id: string) => ({ ...cleanVerdict(id), canned: true, reason: 'template', templateSenders: 9 });

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const classifyRequests = () => background.sent.filter((message) => message.type === 'classify').length;
const setState = (next: PageState) => background.handlers.pageStateChanged?.({ state: next });

beforeEach(() => {
  background.sent.length = 0;
  background.requests.length = 0;
  document.body.replaceChildren();
});

describe('session', () => {
  it('sends nothing while paused, drops answers from before the pause, and asks for them after resuming', async () => {
    document.body.append(...Array.from({ length: 150 }, (_, index) => message(`q${index}`)));
    startSession(adapter, document, state);
    await vi.waitFor(() => expect(background.requests).toHaveLength(1)); // 100 sent, 50 wait
    const [first] = background.requests;
    first?.answer(first.items.map((item) => canned(item.id)));
    // Microtasks only: the answer has asked for a tick (a frame or timer away) when the user pauses.
    for (let turn = 0; turn < 5; turn++) await Promise.resolve();
    await setState({ ...state, paused: true });
    await wait(300);
    expect(classifyRequests()).toBe(1);
    expect(document.querySelectorAll('[data-uncanned]')).toHaveLength(0);

    await setState(state);
    const answered = new Set<unknown>([first]);
    for (let round = 0; round < 20 && document.querySelectorAll('[data-uncanned="canned"]').length < 150; round++) {
      for (const request of background.requests.filter((request) => !answered.has(request))) {
        answered.add(request);
        request.answer(request.items.map((item) => canned(item.id)));
      }
      await wait(100);
    }
    expect(document.querySelectorAll('[data-uncanned="canned"]')).toHaveLength(150);
    await setState({ ...state, paused: true }); // this session stops reading, out of the next test's way
    await wait(500); // its last report
  });

  it('in a frame, reports zero once it had reported messages (the badge must not keep the old count)', async () => {
    const top = Object.getOwnPropertyDescriptor(window, 'top');
    Object.defineProperty(window, 'top', { configurable: true, get: () => ({}) });
    try {
      document.body.append(message('f1'), message('f2'));
      startSession(adapter, document, state);
      await vi.waitFor(() => expect(background.requests).toHaveLength(1));
      background.requests[0]?.answer(['f1', 'f2'].map(canned));
      const reports = () =>
        background.sent
          .filter((message) => message.type === 'reportPageStatus')
          .map(({ input }) => `${input.read}/${input.canned}`);
      await vi.waitFor(() => expect(reports().at(-1)).toBe('2/2'), { timeout: 2_000 });
      await setState({ ...state, paused: true });
      await vi.waitFor(() => expect(reports().at(-1)).toBe('0/0'), { timeout: 2_000 });
    } finally {
      if (top) Object.defineProperty(window, 'top', top);
    }
  });

  it('keeps its counts when only the fragment of the address changes (a #comment link): same page', async () => {
    document.body.append(message('f1'));
    startSession(adapter, document, state);
    await vi.waitFor(() => expect(background.requests).toHaveLength(1));
    background.requests[0]?.answer([cleanVerdict('f1')]);
    await wait(1_700); // read well before the address changes
    history.pushState({}, '', '#comment-1');
    document.body.append(document.createElement('div')); // any change makes the session look again
    await wait(800); // a tick, then a report if the counts changed
    const reports = background.sent.filter((sent) => sent.type === 'reportPageStatus');
    expect(reports.at(-1)?.input.read).toBe(1); // it started over at 0 and never counted the comment again
    await setState({ ...state, paused: true }); // out of the next tests' way
  });
  it('puts its stylesheet back, with the pre-hide rules, when the page drops it', async () => {
    const muted = { ...state, mutes: [{ sender: 'spammer', scope: 'all' as const }] };
    startSession({ ...adapter, senderSelector: (sender) => `[data-sender="${sender}"]` }, document, muted);
    const style = () => document.getElementById('uncanned-page-style');
    await vi.waitFor(() => expect(style()?.textContent).toContain('spammer'));
    style()?.remove(); // a head manager replacing what it did not render
    document.body.append(message('s1', 'spammer'));
    await vi.waitFor(() => expect(style()?.textContent).toContain('[data-sender="spammer"]'));
    const stale = Object.assign(document.createElement('style'), { id: 'uncanned-page-style', textContent: 'p{}' });
    document.head.append(stale); // Turbo restoring a cached head appends the copy it had
    await vi.waitFor(() => expect(stale.isConnected).toBe(false));
    expect(document.querySelectorAll('#uncanned-page-style')).toHaveLength(1);
    await setState({ ...state, paused: true }); // out of the next test's way
  });
  it('reports a changed layout once messages it cannot read show up, and not before', async () => {
    startSession({ ...adapter, canary: 'p.comment-text' }, document, state);
    const reports = () => background.sent.filter((sent) => sent.type === 'reportPageStatus');
    await vi.waitFor(() => expect(reports().at(-1)?.input.layoutChanged).toBe(false));
    const renamed = Object.assign(document.createElement('p'), { className: 'comment-text', textContent: 'hi' });
    document.body.append(renamed); // a comment whose item hook the site renamed
    await vi.waitFor(() => expect(reports().at(-1)?.input.layoutChanged).toBe(true), { timeout: 2_500 });
    await setState({ ...state, paused: true }); // out of the next test's way
  });
  it('in a frame, reports a changed layout though it never read a message (a Disqus embed renamed its hooks)', async () => {
    const top = Object.getOwnPropertyDescriptor(window, 'top');
    Object.defineProperty(window, 'top', { configurable: true, get: () => ({}) });
    try {
      await wait(600); // the earlier tests' last reports
      background.sent.length = 0;
      startSession({ ...adapter, canary: 'p.comment-text' }, document, state);
      const reports = () => background.sent.filter((sent) => sent.type === 'reportPageStatus');
      await wait(600);
      expect(reports()).toHaveLength(0); // an empty frame stays silent
      document.body.append(
        Object.assign(document.createElement('p'), { className: 'comment-text', textContent: 'hi' }),
      );
      await vi.waitFor(() => expect(reports().at(-1)?.input).toMatchObject({ read: 0, layoutChanged: true }), {
        timeout: 2_500,
      });
      await setState({ ...state, paused: true }); // out of the next test's way
      await wait(500); // its last report
    } finally {
      if (top) Object.defineProperty(window, 'top', top);
    }
  });
  it('lets new messages paint while the background is over 1.5 s late, and makes them wait again after', async () => {
    const root = document.documentElement;
    startSession(adapter, document, { ...state, cannedAction: 'collapse' });
    document.body.append(message('w1'));
    await vi.waitFor(() => expect(background.requests).toHaveLength(1));
    expect(root.hasAttribute('data-uncanned-behind')).toBe(false);
    await vi.waitFor(() => expect(root.hasAttribute('data-uncanned-behind')).toBe(true), { timeout: 2_500 });
    background.requests[0]?.answer([cleanVerdict('w1')]);
    await vi.waitFor(() => expect(root.hasAttribute('data-uncanned-behind')).toBe(false));
    expect(document.querySelector('[data-uncanned-id="w1"]')?.getAttribute('data-uncanned')).toBe('clean');
    await setState({ ...state, paused: true }); // out of the next test's way
    await wait(500);
  });
  it('after a pause, lets what the page shows paint until it is judged again (the wait rule would blank it all)', async () => {
    const root = document.documentElement;
    const collapse = { ...state, cannedAction: 'collapse' as const };
    document.body.append(message('p1'), message('p2'));
    startSession(adapter, document, collapse);
    await vi.waitFor(() => expect(background.requests).toHaveLength(1));
    background.requests[0]?.answer([cleanVerdict('p1'), cleanVerdict('p2')]);
    await vi.waitFor(() => expect(document.querySelectorAll('[data-uncanned="clean"]')).toHaveLength(2));
    await setState({ ...collapse, paused: true });
    expect(document.querySelectorAll('[data-uncanned]')).toHaveLength(0);
    await setState(collapse);
    expect(root.hasAttribute('data-uncanned-behind')).toBe(true); // painted while paused: no message waits
    // Their verdicts are still known: marked again at the next tick, and then new messages wait again.
    await vi.waitFor(() => expect(root.hasAttribute('data-uncanned-behind')).toBe(false));
    expect(document.querySelectorAll('[data-uncanned="clean"]')).toHaveLength(2);
    await setState({ ...state, paused: true }); // out of the next test's way
    await wait(500);
  });
  it('finds a message the observer never saw become one, so it does not wait unpainted for good', async () => {
    startSession(adapter, document, { ...state, cannedAction: 'collapse' });
    const late = message('late1');
    late.className = 'pending'; // not an item yet: a framework sets the class after inserting it
    document.body.append(late);
    await wait(1_300); // past the first sweep: they go on while the rule is in force
    late.className = 'message'; // a class change: no mutation the observer watches
    await vi.waitFor(() => expect(background.requests.at(-1)?.items.map((item) => item.id)).toEqual(['late1']), {
      timeout: 2_500,
    });
    background.requests.at(-1)?.answer([cleanVerdict('late1')]);
    await vi.waitFor(() => expect(late.getAttribute('data-uncanned')).toBe('clean'));
    await setState({ ...state, paused: true }); // out of the next test's way
    await wait(500);
  });
  it('does not report again and again on a page it does not read, while that page keeps changing', async () => {
    const elsewhere = { ...adapter, canary: 'p.comment-text', isRelevantPage: () => false };
    document.body.append(Object.assign(document.createElement('p'), { className: 'comment-text' }));
    startSession(elsewhere, document, state);
    const reports = () => background.sent.filter((sent) => sent.type === 'reportPageStatus').length;
    await wait(1_000); // its first reports
    const before = reports();
    for (let change = 0; change < 5; change++) {
      document.body.append(document.createElement('div'));
      await wait(600);
    }
    expect(reports()).toBe(before);
    await setState({ ...state, paused: true }); // out of the next test's way
  });
});
