/**
 * The MutationObserver callback only collects nodes (peers.md §5.1); the pipeline turns them into items in its
 * next time-boxed tick. Adding our own controls and stubs is ignored, so marking never re-triggers work; removing
 * them checks their message once more (the site may have removed them).
 */
const isOwn = (node: Node) =>
  node.nodeType === 1 &&
  ((node as Element).localName.startsWith('uncanned-') || (node as Element).hasAttribute('data-uncanned-stub-for'));

/**
 * Attributes that change when a framework re-uses an element for another message: a link's href (X), a row's id
 * (YouTube's live chat, GitHub, Hacker News), the ids of Reddit, Mastodon, LinkedIn and Bluesky items.
 */
const identityAttributes = [
  'href',
  'id',
  'thingid',
  'data-id',
  'data-fullname',
  'data-event-urn',
  'componentkey',
  'data-testid',
];

/**
 * `onNodes(added, changed, edited)`: `added` may hold new messages anywhere inside; `changed` are elements whose
 * children changed, which matter only inside a message. A list that gets one more row is `changed`: searching it
 * again would re-read every row already in it, on every append (quadratic on a page that loads more, and in a live
 * chat). `edited` are the messages (`itemSelector`) in which an identity attribute or a text node's data changed:
 * React, Lit and Polymer re-use an element for another message that way, which no childList record reports. Such
 * changes outside messages (a clock, a counter, a video's time) are dropped here, without waking the pipeline.
 */
export function observe(
  root: Node,
  onNodes: (added: Node[], changed: Node[], edited: Element[]) => void,
  itemSelector: string,
): () => void {
  const observer = new MutationObserver((records) => {
    const added: Node[] = [];
    const changed: Node[] = [];
    const edited: Element[] = [];
    for (const record of records) {
      if (record.type !== 'childList') {
        const element = record.type === 'attributes' ? record.target : record.target.parentNode;
        const owner = element?.nodeType === 1 ? (element as Element).closest(itemSelector) : null;
        if (owner) edited.push(owner);
        continue;
      }
      const nodes = [...record.addedNodes].filter((node) => node.nodeType === 1 && !isOwn(node));
      if (nodes.length === 0 && record.removedNodes.length === 0) continue; // we added controls or a stub
      if (nodes.length === 0 && [...record.removedNodes].every(isOwn)) {
        // Our controls or stub went: we removed them (nothing follows) or the site did (they must come back), so
        // the message they were in or before is checked again. Never "outside": nothing else changed.
        for (const near of [record.target, record.nextSibling]) {
          const owner = near?.nodeType === 1 ? (near as Element).closest(itemSelector) : null;
          if (owner) edited.push(owner);
        }
        continue;
      }
      added.push(...nodes);
      if (!isOwn(record.target)) changed.push(record.target); // content changed inside an existing message
    }
    if (added.length > 0 || changed.length > 0 || edited.length > 0) onNodes(added, changed, edited);
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: identityAttributes,
  });
  return () => observer.disconnect();
}

/**
 * Returns a request function: each request runs `callback` once, in a task of its own right after the next
 * animation frame when the tab paints, or after `fallbackMs` when it does not, whichever comes first. Running
 * inside the frame's callback would add our slice to the task that also does the page's style and layout, pushing
 * slow machines' frames past 50 ms (measured while scrolling a virtualized list). One fallback timer is in flight
 * at a time: a timer per request was a measurable cost on pages read in hundreds of ticks.
 * A hidden tab gets no frames and browsers clamp its timers to a second (Firefox ESR: a mute took 700–850 ms to
 * reach a background tab), so there the task is posted at once: nothing is painted that it could delay.
 */
export function createTicker(callback: () => void, fallbackMs = 120, isHidden = () => document.hidden): () => void {
  let isPending = false;
  let hasTimer = false;
  const run = () => {
    if (!isPending) return;
    isPending = false;
    callback();
  };
  const channel = new MessageChannel();
  channel.port1.onmessage = run;
  const post = () => channel.port2.postMessage(null);
  return () => {
    if (isPending) return;
    isPending = true;
    if (isHidden()) return post();
    requestAnimationFrame(post); // the message's task runs after the frame
    if (hasTimer) return;
    hasTimer = true;
    setTimeout(() => {
      hasTimer = false;
      run();
    }, fallbackMs);
  };
}
