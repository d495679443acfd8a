/** One message element the content script marked, as the tests see it. */
export interface MarkedMessage {
  id: string;
  judged: string | null;
  hidden: string | null;
  visible: boolean;
  /** The element's own text (nested replies excluded; emoji images by their alt text), whitespace collapsed. */
  text: string;
  /** Our control hosts that belong to this element (not to a nested reply). */
  controls: number;
}

/**
 * Reads every marked message on the page. Runs inside the page: pass it to `page.evaluate` (Playwright or
 * Puppeteer), so it must not use anything from this module's scope.
 */
export function readMarkedMessages(): MarkedMessage[] {
  return [...document.querySelectorAll('[data-uncanned-id]')].map((element) => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) parts.push(child.nodeValue ?? '');
        else if (child instanceof HTMLImageElement) parts.push(child.alt);
        else if (child instanceof Element && !child.hasAttribute('data-uncanned-id')) walk(child);
      }
    };
    walk(element);
    const controls = [...element.querySelectorAll('uncanned-controls')].filter(
      (host) => host.closest('[data-uncanned-id]') === element,
    );
    return {
      id: element.getAttribute('data-uncanned-id') ?? '',
      judged: element.getAttribute('data-uncanned'),
      hidden: element.getAttribute('data-uncanned-hidden'),
      visible: (element as HTMLElement).checkVisibility(),
      text: parts.join(' ').replace(/\s+/g, ' ').trim(),
      controls: controls.length,
    };
  });
}
