/**
 * The viewer's recent clicks on controls of the page (buttons and links). A message whose text changes just after
 * the viewer clicked one of its own controls ("Translate", "See original") shows another view of the same message,
 * not an edit by its sender: its new text must not replace the stored one (verdicts.ts).
 */

const controls = 'button, a, [role="button"], tp-yt-paper-button';
/** Our chip and stub: their clicks are ours, never the site's. */
const ours = new Set(['uncanned-controls', 'uncanned-stub']);
/** How long after the click a text change counts as its result (a translation takes a request). */
export const viewChangeMs = 5_000;
/** Clicks kept: the viewer may have several comments translated at once. */
const kept = 8;

export class ViewerClicks {
  private recent: { control: Element; at: number }[] = [];

  constructor(
    view: Window | null,
    private readonly now: () => number,
  ) {
    // On the window, capturing: a site stopping the click on its way down cannot hide it.
    view?.addEventListener('click', this.onClick, { capture: true, passive: true });
  }

  private readonly onClick = (event: Event) => {
    // The path, not the target: inside a component's shadow root the target seen here is its host.
    const path = event.composedPath() as Partial<Element>[];
    if (path.some((node) => ours.has(node.localName ?? ''))) return;
    const control = path.find((node) => node.matches?.(controls)) as Element | undefined;
    // Not toggles (`aria-pressed`: Like, Follow): they never change the text, and a real edit may follow.
    if (control && !control.hasAttribute('aria-pressed'))
      this.recent = [...this.recent.slice(1 - kept), { control, at: this.now() }];
  };

  /** The viewer clicked a control inside `item` in the `viewChangeMs` before `now`. */
  clickedIn(item: Element, now: number): boolean {
    if (this.recent.length === 0) return false;
    // Pruned only once the oldest expired: no array per message read while clicks are recent.
    if (now - (this.recent[0]?.at ?? now) >= viewChangeMs)
      this.recent = this.recent.filter((click) => now - click.at < viewChangeMs);
    return this.recent.some((click) => isInside(item, click.control));
  }
}

/** `element` is in `item`, or in a component's shadow root somewhere inside it. */
function isInside(item: Element, element: Element): boolean {
  for (let node: Element | undefined = element; node; node = (node.getRootNode() as Partial<ShadowRoot>).host)
    if (item.contains(node)) return true;
  return false;
}
