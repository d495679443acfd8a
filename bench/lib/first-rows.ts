/** How both popup benches time the first render: markers recorded in the page, read back once they exist. */
import type { Page } from 'playwright-core';

export interface Timing {
  /** First sender rows in the DOM (ms since this document's navigation started). */
  rows: number;
  /** The start of the frame after: they are laid out. */
  frame: number;
  /** DOMContentLoaded: the bundle is loaded and run. */
  dcl: number;
}

/** Install with `addInitScript`: records when the first sender rows enter the DOM and when the next frame starts. */
export function watchFirstRows(): void {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="sender-row"]')) return;
    observer.disconnect();
    const rowsAt = performance.now();
    requestAnimationFrame(() => Object.assign(globalThis, { firstRows: { rowsAt, frameAt: performance.now() } }));
  }).observe(document, { childList: true, subtree: true });
}

/** Opens `url` (the watcher installed) and returns its first-render times. */
export async function firstRows(page: Page, url: string): Promise<Timing> {
  await page.goto(url);
  const handle = await page.waitForFunction(() => (globalThis as { firstRows?: unknown }).firstRows, null, {
    timeout: 30_000,
  });
  const { rowsAt, frameAt } = (await handle.jsonValue()) as { rowsAt: number; frameAt: number };
  const dcl = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
  );
  return { rows: rowsAt, frame: frameAt, dcl };
}
