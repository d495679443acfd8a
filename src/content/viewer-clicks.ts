/**
 * The viewer's last click on a control of the page (a button or a link). A message whose text changes just after
 * the viewer clicked one of its own controls ("Translate", "See original") shows another view of the same message,
 * not an edit by its sender: its new text must not replace the stored one (verdicts.ts).
 */

const controls = 'button, a, [role="button"], tp-yt-paper-button';
/** Our chip and stub: their clicks are ours, never the site's. */
const ours = 'uncanned-controls, uncanned-stub';
/** How long after the click a text change counts as its result (a translation takes a request). */
export const viewChangeMs = 5_000;

export class ViewerClicks {
  private last: { control: Element; at: number } | undefined;

  constructor(
    doc: Document,
    private readonly now: () => number,
  ) {
    doc.addEventListener('click', this.onClick, { capture: true, passive: true });
  }

  private readonly onClick = (event: Event) => {
    const target = event.target as Element | null;
    if (typeof target?.closest !== 'function' || target.closest(ours)) return;
    const control = target.closest(controls);
    if (control) this.last = { control, at: this.now() };
  };

  /** The viewer clicked a control inside `item` in the last `viewChangeMs`. */
  clickedIn(item: Element): boolean {
    const last = this.last;
    return last !== undefined && this.now() - last.at < viewChangeMs && item.contains(last.control);
  }
}
