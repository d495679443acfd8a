// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { whenNearView } from './near-view';

/** Records what is observed; never calls back (every item stays far from the viewport). */
class RecordingObserver {
  static observed = new Set<Element>();
  observe(target: Element) {
    RecordingObserver.observed.add(target);
  }
  unobserve(target: Element) {
    RecordingObserver.observed.delete(target);
  }
}

it('stops observing items removed before they came near the viewport (page after page of a single-page app)', () => {
  Object.assign(document.defaultView as object, { IntersectionObserver: RecordingObserver });
  for (let page = 0; page < 30; page++) {
    const items = Array.from({ length: 100 }, () => document.createElement('div'));
    document.body.replaceChildren(...items);
    for (const item of items) whenNearView(item, () => {});
  }
  expect(RecordingObserver.observed.size).toBeGreaterThanOrEqual(100); // this page's items still wait
  expect(RecordingObserver.observed.size).toBeLessThanOrEqual(400); // it was 3,000: every page's, for good
  for (const item of document.body.children) expect(RecordingObserver.observed.has(item)).toBe(true);
});
