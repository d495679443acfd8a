/**
 * The chip's explanation opens in the top layer (popover API) so no site container can clip it (overflow:hidden
 * cells) or paint over it, and opening it never reflows the site's layout. It follows its chip while the page
 * scrolls. Without the popover API it falls back to an absolutely positioned box under the chip.
 */
const anchors = new WeakMap<HTMLElement, { anchor: Element; follow: () => void }>();

export function place(panel: HTMLElement): void {
  const entry = anchors.get(panel);
  const view = panel.ownerDocument.defaultView;
  if (!entry || !view) return;
  if (!panel.matches(':popover-open')) {
    // Fallback: positioned against the host; only shift left when it would leave the window.
    panel.style.left = '0px';
    const overflow = panel.getBoundingClientRect().right - view.innerWidth + 12;
    if (overflow > 0) panel.style.left = `${-overflow}px`;
    return;
  }
  const rect = entry.anchor.getBoundingClientRect();
  // Never over its own chip: at most the height of the larger side (a small window, a 200 % zoom).
  const room = Math.max(rect.top, view.innerHeight - rect.bottom) - 14;
  panel.style.maxHeight = `${Math.max(80, Math.round(room))}px`;
  const left = Math.max(8, Math.min(rect.left, view.innerWidth - panel.offsetWidth - 12));
  panel.style.top = `${Math.round(verticalPlace(rect, panel.offsetHeight, view.innerHeight))}px`;
  panel.style.left = `${Math.round(left)}px`;
}

/**
 * Under the chip; above it when it does not fit below and fits (or fits better) above: the last messages of a live
 * chat sit at the bottom of a small window. Kept inside the window either way (its height is capped by CSS).
 */
export function verticalPlace(anchor: { top: number; bottom: number }, height: number, viewHeight: number): number {
  const below = anchor.bottom + 6;
  const above = anchor.top - 6 - height;
  const fitsBelow = below + height <= viewHeight - 8;
  const top = fitsBelow || viewHeight - anchor.bottom >= anchor.top ? below : above;
  return Math.max(8, Math.min(top, viewHeight - height - 8));
}

/** `onAway`: the anchor left the window (scrolled out of view) or the page (a framework or "Not canned" removed it). */
export function showPanel(panel: HTMLElement, anchor: Element, onAway: () => void = () => hidePanel(panel)): void {
  const view = panel.ownerDocument.defaultView;
  const follow = () => {
    const rect = anchor.getBoundingClientRect();
    const isAway = !anchor.isConnected || !view || rect.bottom < 0 || rect.top > view.innerHeight;
    if (isAway) onAway();
    else place(panel);
  };
  anchors.set(panel, { anchor, follow });
  panel.hidden = false;
  try {
    panel.popover = 'manual';
    panel.showPopover();
    panel.classList.add('top-layer');
  } catch {
    panel.classList.remove('top-layer'); // no popover API: stays absolutely positioned under the chip
  }
  view?.addEventListener('scroll', follow, { capture: true, passive: true });
  view?.addEventListener('resize', follow, { passive: true });
  place(panel);
}

export function hidePanel(panel: HTMLElement): void {
  const entry = anchors.get(panel);
  const view = panel.ownerDocument.defaultView;
  if (entry) {
    view?.removeEventListener('scroll', entry.follow, { capture: true });
    view?.removeEventListener('resize', entry.follow);
  }
  if (panel.matches(':popover-open')) panel.hidePopover();
  panel.hidden = true;
}
