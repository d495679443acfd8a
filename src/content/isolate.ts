/**
 * Our controls sit inside the site's articles and links: clicks must not open the post, keys must not trigger the
 * site's shortcuts. One capture listener on the host stops each event there (the site's bubble-phase and
 * delegated handlers never see it) and runs the button's action itself.
 */
const stopped = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'dblclick', 'auxclick'];
const keys = ['keydown', 'keyup', 'keypress'];

export function isolate(host: HTMLElement, onButton: (button: HTMLButtonElement) => void): void {
  for (const type of [...stopped, ...keys]) host.addEventListener(type, (event) => event.stopPropagation(), true);
  host.addEventListener(
    'click',
    (event) => {
      event.stopPropagation();
      const path = event.composedPath() as Element[];
      const ownLink = path.find((node) => node.tagName === 'A' && host.shadowRoot?.contains(node));
      if (!ownLink) event.preventDefault(); // many posts are links; our own links (copies) still open
      const button = path.find((node): node is HTMLButtonElement => node.tagName === 'BUTTON');
      if (button && host.shadowRoot?.contains(button)) onButton(button);
    },
    true,
  );
}

/** A host element with an open shadow root (assistive technology and test tools can reach it). */
export function createHost(doc: Document, tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

const themes = new WeakMap<Document, { theme: 'light' | 'dark'; at: number }>();

/**
 * Light or dark controls, from the text colour the site uses around them. getComputedStyle forces a style
 * recalculation after our own insertions, so the answer is cached per document for a few seconds (theme
 * switches are rare; a 5,000-comment page would otherwise recalc once per chip).
 */
export function themeFor(element: Element): 'light' | 'dark' {
  const doc = element.ownerDocument;
  const cached = themes.get(doc);
  if (cached && performance.now() - cached.at < 5000) return cached.theme;
  const color = doc.defaultView?.getComputedStyle(element).color ?? '';
  const [r = 0, g = 0, b = 0] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  const theme = 0.2126 * r + 0.7152 * g + 0.0722 * b > 140 ? 'dark' : 'light';
  themes.set(doc, { theme, at: performance.now() });
  return theme;
}
