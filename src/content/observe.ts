/**
 * The MutationObserver callback only collects nodes (peers.md §5.1); the pipeline turns them into items in its
 * next time-boxed tick. Our own controls and stubs are ignored so marking never re-triggers work.
 */
const isOwn = (node: Node) =>
  node.nodeType === 1 &&
  ((node as Element).localName.startsWith('uncanned-') || (node as Element).hasAttribute('data-uncanned-stub-for'));

/** Attributes that change when a framework re-uses an element for another message. */
const identityAttributes = ['href', 'thingid', 'data-id', 'data-fullname', 'data-event-urn', 'data-testid'];

export function observe(root: Node, onNodes: (nodes: Node[]) => void): () => void {
  const observer = new MutationObserver((records) => {
    const nodes: Node[] = [];
    for (const record of records) {
      if (record.type === 'attributes') {
        nodes.push(record.target);
        continue;
      }
      const added = [...record.addedNodes].filter((node) => node.nodeType === 1 && !isOwn(node));
      const removedOwn = record.removedNodes.length > 0 && [...record.removedNodes].every(isOwn);
      if (added.length === 0 && (removedOwn || record.removedNodes.length === 0)) continue;
      nodes.push(...added);
      if (!isOwn(record.target)) nodes.push(record.target); // content changed inside an existing message
    }
    if (nodes.length > 0) onNodes(nodes);
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: identityAttributes });
  return () => observer.disconnect();
}

/** rAF when the tab paints, a timeout when it does not (background tabs), whichever comes first. */
export function scheduleTick(callback: () => void, fallbackMs = 120): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    callback();
  };
  requestAnimationFrame(run);
  setTimeout(run, fallbackMs);
}
