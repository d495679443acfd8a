/**
 * Runs an item's chip insertion only once the item comes near the viewport (IntersectionObserver, four viewports
 * ahead). On a page of thousands of comments any insertion into the flow makes the browser lay out and pre-paint
 * the whole list again (measured: 60–120 ms per frame at 5,000 comments, whatever the number of chips), so chips
 * far off screen wait, and those that come into range are inserted together in one observer callback.
 */

/**
 * `delay` (Intersection Observer v2, honoured by Chromium without `trackVisibility`) lets the browser skip our
 * targets in frames less than 250 ms after their last check: while a long page loads it lays out every frame, and
 * checking ~500 waiting chips each time cost 1.8 ms per 100 comments on the bench page; with the delay 1.15 ms
 * (trace, 2 runs each). With four viewports of margin, a chip still comes in well before it is seen.
 */
const options = { rootMargin: '400% 0px', delay: 250 };
/**
 * Items waiting, with what to run. An observer keeps what it observes alive, and a message removed before it came
 * near (a single-page app's next page, a chat scrolling on) never gets a callback: removed items are swept out
 * whenever the map doubled since the last sweep.
 */
const pending = new Map<Element, () => void>();
let sweepAbove = 256;
const observers = new WeakMap<Document, IntersectionObserver>();

/**
 * The margin applies to the viewport only: an item inside a site's own scroll box (Instagram's comment panel) is
 * clipped by it and never "intersects" until scrolled into view, so its position is checked as well.
 */
function isNear(entry: IntersectionObserverEntry): boolean {
  const root = entry.rootBounds;
  const rect = entry.boundingClientRect;
  if (!root || (rect.width === 0 && rect.height === 0)) return false; // no root: cross-origin frame; 0×0: hidden
  const reach = root.height * 4;
  return rect.bottom > root.top - reach && rect.top < root.bottom + reach;
}

function observerFor(doc: Document): IntersectionObserver | undefined {
  const View = doc.defaultView as (Window & typeof globalThis) | null;
  if (!View?.IntersectionObserver) return undefined;
  let observer = observers.get(doc);
  if (!observer) {
    observer = new View.IntersectionObserver((entries, self) => {
      for (const entry of entries) {
        if (!entry.isIntersecting && !isNear(entry)) continue;
        self.unobserve(entry.target);
        const run = pending.get(entry.target);
        pending.delete(entry.target);
        run?.();
      }
    }, options);
    observers.set(doc, observer);
  }
  return observer;
}

/** Calls `run` when `item` is near the viewport (at once where there is no IntersectionObserver). */
export function whenNearView(item: Element, run: () => void): void {
  const observer = observerFor(item.ownerDocument);
  if (!observer) {
    run();
    return;
  }
  const waiting = pending.has(item);
  pending.set(item, run); // the latest decision wins
  if (waiting) return;
  observer.observe(item);
  if (pending.size > sweepAbove) sweepRemoved();
}

function sweepRemoved(): void {
  for (const item of pending.keys()) if (!item.isConnected) cancelNearView(item);
  sweepAbove = Math.max(256, pending.size * 2);
}

export function cancelNearView(item: Element): void {
  if (!pending.delete(item)) return;
  observers.get(item.ownerDocument)?.unobserve(item);
}
