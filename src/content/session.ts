/**
 * One adapter on one document: page state, observer, scheduler, status reports and the in-page actions. Created
 * by main.ts once the adapter is known; `stop()` tears everything down (pause, invalidated extension context).
 */
import { handleInContent, sendToBackground } from '../shared/messaging';
import type { PageState } from '../shared/views';
import { createActions } from './actions';
import type { SiteAdapter } from './adapters/define-adapter';
import { nextMuteExpiry } from './decide';
import { primeTheme } from './isolate';
import { hasHiddenAny } from './marks';
import { createTicker, observe } from './observe';
import {
  dropStaleCopies,
  ensurePageStyle,
  hasWaitRule,
  pendingCapMs,
  releaseHold,
  setBehind,
  updatePageStyle,
} from './page-style';
import { Pipeline } from './pipeline';

const budgetMs = 6; // per tick, well under one frame
/** The protocol's longest URL; a longer one (a huge query string) keeps its origin, all the background reads. */
const pageUrl = () => location.href.slice(0, 4096);
const reportDelayMs = 400;
const withoutFragment = (url: string) => url.split('#', 1)[0];

export function startSession(adapter: SiteAdapter, doc: Document, initial: PageState): void {
  let state = initial;
  let href = location.href;
  let disconnect: (() => void) | undefined;
  let isReportDue = false;
  let lastChange = 0;
  let hasSpoken = false;
  let relevant: { href: string; is: boolean } | undefined;
  const isRelevant = () => {
    if (relevant?.href !== location.href)
      relevant = { href: location.href, is: adapter.isRelevantPage?.(new URL(location.href)) ?? true };
    return relevant.is;
  };

  const actions = createActions(
    adapter,
    () => state,
    (next) => apply(next),
  );

  const pipeline = new Pipeline(adapter, doc, state, {
    classify: (items) => sendToBackground('classify', { site: adapter.id, url: pageUrl(), items }),
    actions,
    onChange: () => {
      scheduleReport();
      if (pipeline.hasWork) schedule();
    },
  });

  function tick() {
    if (!disconnect) return; // paused (or stopped) after this tick was requested
    if (location.href !== href) {
      // SPA navigation: new page, new counts. Not for a new fragment (a #comment-N link): same page.
      const isSamePage = withoutFragment(location.href) === withoutFragment(href);
      href = location.href;
      if (!isSamePage) {
        pipeline.restart();
        scheduleReport();
      }
    }
    try {
      if (isRelevant()) pipeline.flush(budgetMs);
      // Everything the page shows so far is judged and marked (see page-style.ts `holdUntilState`).
      if (pipeline.hasMarkedVerdict && pipeline.isSettled && doc.readyState !== 'loading') releaseHold(doc);
      checkBehind();
    } finally {
      if (pipeline.hasWork && isRelevant()) schedule(); // one bad item must not stall the queue
    }
  }

  /** Since when the pipeline has had messages waiting (undefined: it is settled). */
  let behindSince: number | undefined;
  let behindTimer: ReturnType<typeof setTimeout> | undefined;
  let sweepTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * New messages wait unpainted for their reading or verdict (page-style.ts `waitingCss`), but never long: once the
   * pipeline has been behind for `pendingCapMs` (a slow background, a flood), or when it does not read this page,
   * they paint at once until it catches up.
   */
  function checkBehind() {
    if (!hasWaitRule(doc)) {
      behindSince = undefined; // the usual case (flagging only): nothing waits
      return;
    }
    if (!isRelevant()) return setBehind(doc, true);
    const now = performance.now();
    // While parsing, the last item read is held back (it may be incomplete): not settled, so it cannot wait long.
    if (pipeline.isSettled && doc.readyState !== 'loading') {
      behindSince = undefined;
      clearTimeout(behindTimer);
      behindTimer = undefined;
      setBehind(doc, false);
      sweepSoon();
      return;
    }
    behindSince ??= now;
    if (now - behindSince >= pendingCapMs) return setBehind(doc, true);
    behindTimer ??= setTimeout(
      () => {
        behindTimer = undefined;
        if (disconnect) checkBehind();
      },
      pendingCapMs - (now - behindSince),
    );
  }

  /**
   * Once a second while a wait rule is in force: no message may wait for good because the observer never saw it
   * become one (a class or attribute set after insertion, which no watched mutation shows). One query a second.
   */
  function sweepSoon() {
    if (sweepTimer !== undefined) return;
    sweepTimer = setTimeout(() => {
      sweepTimer = undefined;
      if (!disconnect || !hasWaitRule(doc)) return;
      if (pipeline.sweepUnread()) schedule();
      sweepSoon();
    }, 1_000);
  }

  const requestTick = createTicker(tick);
  function schedule() {
    if (disconnect) requestTick(); // the ticker ignores requests while one is pending
  }

  /** Reports once the counts have been still for `reportDelayMs`; one timer in flight, not one per change. */
  function scheduleReport() {
    lastChange = performance.now();
    if (isReportDue) return;
    isReportDue = true;
    setTimeout(reportWhenStill, reportDelayMs);
  }

  function reportWhenStill() {
    const wait = lastChange + reportDelayMs - performance.now();
    if (wait > 0) return void setTimeout(reportWhenStill, wait);
    isReportDue = false;
    report();
  }

  /** The layout-changed flag last reported: a page that never reads a message reports again only when it flips. */
  let reportedChange = false;
  let isLayoutCheckDue = false;
  const isLayoutChanged = () => isRelevant() && !state.paused && pipeline.isLayoutChanged;
  /** The page changed while nothing was read: maybe messages the adapter no longer reads (checked once a second). */
  function checkLayoutSoon() {
    if (isLayoutCheckDue || pipeline.counts.read > 0) return;
    isLayoutCheckDue = true;
    setTimeout(() => {
      isLayoutCheckDue = false;
      if (disconnect && isLayoutChanged() !== reportedChange) report();
    }, 1_000);
  }

  function report() {
    const { read, canned } = pipeline.counts;
    const hidden = hasHiddenAny() ? doc.querySelectorAll('[data-uncanned-hidden]').length : 0;
    const layoutChanged = isLayoutChanged();
    // Frames speak only once they held messages (chat, Disqus) or show some they cannot read; then also to say
    // they hold none any more.
    if (window !== window.top && read === 0 && !hasSpoken && !layoutChanged) return;
    hasSpoken = true;
    const recognised = isRelevant();
    reportedChange = layoutChanged;
    void sendToBackground('reportPageStatus', {
      site: adapter.id,
      url: pageUrl(),
      recognised,
      read,
      canned,
      hidden,
      layoutChanged: reportedChange,
    }).catch(stopIfInvalidated);
  }

  /** Paused once: the messages on the page painted meanwhile, and lost our marks. */
  let wasPaused = false;

  function resume() {
    if (disconnect) return;
    behindSince = undefined;
    // Reading starts over: new messages may wait again. After a pause, only once what the page shows is judged
    // again: the wait rule would blank every message it painted while paused until then.
    setBehind(doc, wasPaused);
    let observer: (() => void) | undefined;
    let stopped = false;
    disconnect = () => {
      stopped = true;
      observer?.();
    };
    const attach = () => {
      if (stopped || observer) return;
      observer = observe(
        doc,
        (added, changed, edited) => {
          ensurePageStyle(doc);
          dropStaleCopies(doc, added);
          pipeline.enqueue(added, changed, edited);
          checkLayoutSoon();
          schedule();
        },
        pipeline.itemSelector,
      );
      pipeline.scanUnmarked(); // parsing done: includes the last item the loading-time scans left out
      schedule();
    };
    // While the parser runs, a MutationObserver would get one record per element (100,000 on a 5,000-comment
    // page); scanning for unmarked items every 150 ms costs a fraction of that. The observer starts afterwards.
    if (doc.readyState === 'loading') {
      const poll = () => {
        if (stopped || doc.readyState !== 'loading') return;
        pipeline.enqueue([doc]);
        schedule();
        setTimeout(poll, 150);
      };
      poll();
      doc.addEventListener('DOMContentLoaded', attach, { once: true });
    } else attach();
    for (const type of ['yt-navigate-finish', 'turbo:load', 'popstate'])
      doc.defaultView?.addEventListener(type, schedule);
  }

  function pause() {
    wasPaused = true;
    disconnect?.();
    disconnect = undefined;
    pipeline.clearAll();
  }

  /** Largest delay `setTimeout` takes; a later expiry re-arms when this one fires. */
  const maxDelayMs = 2 ** 31 - 1;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  /** A timed mute ends by itself, with no broadcast: the page applies its state again when it lapses. */
  function scheduleExpiry() {
    clearTimeout(expiryTimer);
    const expiry = nextMuteExpiry(state);
    if (expiry !== undefined)
      expiryTimer = setTimeout(() => apply(state), Math.min(expiry - Date.now() + 50, maxDelayMs));
  }

  function apply(next: PageState) {
    if (isStopped) return;
    state = next;
    scheduleExpiry();
    updatePageStyle(doc, adapter, state);
    if (state.paused) {
      pause();
      scheduleReport(); // counts start over: the badge must not keep this page's old count
      return;
    }
    pipeline.setState(state);
    resume();
  }

  let isStopped = false;
  function stopIfInvalidated(error: unknown) {
    if (!String(error).includes('context invalidated')) return;
    // Extension updated or removed: leave the page be, and let no timer or observer of ours start again.
    isStopped = true;
    clearTimeout(expiryTimer);
    setBehind(doc, true); // nothing will read new messages any more: they must not wait
    stopTheme();
    pause();
  }

  handleInContent({
    async pageStateChanged({ state: next }) {
      apply(next.site === adapter.id ? next : await sendToBackground('getPageState', { site: adapter.id }));
    },
  });
  const stopTheme = primeTheme(doc);
  apply(state);
  report(); // at once: the background broadcasts mutes only to tabs that have reported their site
}
