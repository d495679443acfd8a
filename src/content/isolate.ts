/**
 * Our controls sit inside the site's articles and links: clicks must not open the post, keys must not trigger the
 * site's shortcuts. One capture listener on the host stops each event there (the site's bubble-phase and
 * delegated handlers never see it) and runs the button's action itself.
 */
const stopped = [
  ...['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'dblclick', 'contextmenu'],
  ...['keydown', 'keyup', 'keypress'],
];

/** Escape goes on to the site (closing its dialog) unless our own handler used it: it stops it then. */
const stop = (event: Event) => {
  if ((event as KeyboardEvent).key !== 'Escape') event.stopPropagation();
};

export function isolate(host: HTMLElement, onButton: (button: HTMLButtonElement) => void): void {
  for (const type of stopped) host.addEventListener(type, stop, true);
  const isOwnLink = (event: Event) =>
    (event.composedPath() as Element[]).some((node) => node.tagName === 'A' && host.shadowRoot?.contains(node));
  // A middle click opens the link around us in a new tab by default: many posts are links.
  host.addEventListener(
    'auxclick',
    (event) => {
      event.stopPropagation();
      if (!isOwnLink(event)) event.preventDefault();
    },
    true,
  );
  host.addEventListener(
    'click',
    (event) => {
      event.stopPropagation();
      if (!isOwnLink(event)) event.preventDefault(); // many posts are links; our own links (copies) still open
      const path = event.composedPath() as Element[];
      const button = path.find((node): node is HTMLButtonElement => node.tagName === 'BUTTON');
      if (button && host.shadowRoot?.contains(button)) onButton(button);
    },
    true,
  );
}

/** One constructed sheet per document and CSS text, shared by every shadow root (null: not supported here). */
const sheets = new WeakMap<Document, Map<string, CSSStyleSheet | null>>();

function sharedSheet(doc: Document, css: string): CSSStyleSheet | null {
  const byCss = sheets.get(doc) ?? new Map<string, CSSStyleSheet | null>();
  sheets.set(doc, byCss);
  let sheet = byCss.get(css);
  if (sheet === undefined) {
    try {
      const View = doc.defaultView as (Window & typeof globalThis) | null;
      sheet = View ? new View.CSSStyleSheet() : null;
      sheet?.replaceSync(css);
    } catch {
      sheet = null;
    }
    byCss.set(css, sheet);
  }
  return sheet;
}

/**
 * A host element with an open shadow root (assistive technology and test tools can reach it). The CSS is one
 * constructed stylesheet adopted by every root; where a content script cannot adopt sheets (Firefox's Xray
 * wrappers reject the array, https://bugzil.la/1751346), each root gets a <style> instead.
 */
export function createHost(doc: Document, tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = sharedSheet(doc, css);
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      return { host, root };
    } catch {
      sheets.get(doc)?.set(css, null);
    }
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

const themes = new WeakMap<Document, { theme: 'light' | 'dark'; at: number; refreshing?: boolean }>();
/** Our hosts that carry `data-theme` (controls and stubs; names kept here so this module imports neither). */
const themedHosts = 'uncanned-controls, uncanned-stub';

function measureTheme(element: Element): 'light' | 'dark' {
  const color = element.ownerDocument.defaultView?.getComputedStyle(element).color ?? '';
  const [r = 0, g = 0, b = 0] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 140 ? 'dark' : 'light';
}

/**
 * Light or dark controls, from the text colour the site uses around them. getComputedStyle forces a style
 * recalculation of everything changed since the last frame (measured: 100 ms while a 5,000-comment page parses),
 * so only the first call measures at once; later refreshes (every few seconds) run right after a frame, when the
 * page's style is up to date and the read is cheap. Theme switches are rare.
 */
export function themeFor(element: Element): 'light' | 'dark' {
  const doc = element.ownerDocument;
  const cached = themes.get(doc);
  if (!cached && doc.readyState === 'loading') return guessTheme(doc); // primed once parsing is done
  if (!cached) {
    const theme = measureTheme(element);
    themes.set(doc, { theme, at: performance.now() });
    return theme;
  }
  const view = doc.defaultView;
  if (view && !cached.refreshing && performance.now() - cached.at > 5000) {
    cached.refreshing = true;
    view.requestAnimationFrame(() =>
      view.setTimeout(() => {
        if (element.isConnected) themes.set(doc, { theme: measureTheme(element), at: performance.now() });
        else cached.refreshing = false;
      }),
    );
  }
  return cached.theme;
}

/** While the page parses, style is far from clean: a guess from markup and the OS setting, not a measurement. */
const guessTheme = (doc: Document): 'light' | 'dark' =>
  doc.documentElement.hasAttribute('dark') || doc.defaultView?.matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';

/** Attributes sites switch themes with, on <html> or <body> (YouTube's `dark`, Reddit's class, X's body style). */
const themeAttributes = ['class', 'style', 'dark', 'data-theme', 'data-color-mode', 'data-color-scheme'];

/**
 * Measures the theme right after the first frame once parsing is done, when the page's style is up to date, and
 * again after the site switches theme: the controls already on the page follow (`data-theme` on each host).
 */
export function primeTheme(doc: Document): () => void {
  const view = doc.defaultView;
  let isQueued = false;
  const measure = () => {
    if (isQueued || !view) return;
    isQueued = true;
    view.requestAnimationFrame(() =>
      view.setTimeout(() => {
        isQueued = false;
        // Around the controls where there are some (as themeFor measures), else the page's body.
        const sample = doc.querySelector(themedHosts)?.parentElement ?? doc.body;
        if (!sample) return;
        const theme = measureTheme(sample);
        const before = themes.get(doc)?.theme;
        themes.set(doc, { theme, at: performance.now() });
        // Also on the first measurement: controls added while the page parsed carry a guess.
        if (before !== theme)
          for (const host of doc.querySelectorAll(themedHosts))
            if (host.getAttribute('data-theme') !== theme) host.setAttribute('data-theme', theme);
      }),
    );
  };
  const observer = new MutationObserver(measure);
  const watch = () => {
    measure();
    for (const root of [doc.documentElement, doc.body])
      if (root) observer.observe(root, { attributes: true, attributeFilter: themeAttributes });
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', watch, { once: true });
  else watch();
  return () => {
    doc.removeEventListener('DOMContentLoaded', watch);
    observer.disconnect();
  };
}
