/**
 * Messages that arrive after the page loaded, added by "the site's script" one task at a time while a probe checks
 * every animation frame (tests/e2e/no-flash-later*.e2e.ts). Runs in the page: self-contained.
 */

export interface Seen {
  frames: number;
  hiddenShown: string[];
  ordinaryShown: number;
}

/**
 * In the page: clones the element of `hidden` (then of `ordinary`) as `count` new messages, one every 120 ms, and
 * records every frame in which a clone of `hidden` paints, and how many clones of `ordinary` painted in the end.
 */
export function addAndWatch([itemSelector, hidden, ordinary, count]: [string, string, string, number]): Promise<Seen> {
  const seen: Seen = { frames: 0, hiddenShown: [], ordinaryShown: 0 };
  const sayings = [
    'The harbour lights flickered while seagulls argued over bread crumbs near the old pier.',
    'My grandmother grows tomatoes on her balcony and swears by coffee grounds as fertiliser.',
    'Quantum tunnelling still feels like cheating whenever a lecturer draws the energy barrier.',
    'We missed the last train, so we walked home across the frozen river under bright stars.',
    'Is there a keyboard shortcut to collapse every folder in the sidebar at once?',
    'Replaced the fan in my laptop yesterday and it finally stopped sounding like a jet engine.',
  ];
  const template = (text: string) =>
    [...document.querySelectorAll(itemSelector)].find((item) => item.textContent?.includes(text)) as Element;
  const painted = (marker: string) =>
    [...document.querySelectorAll(`[data-probe^="${marker}"]`)].filter((element) =>
      element.checkVisibility({ visibilityProperty: true }),
    );
  let done = false;
  const frame = () => {
    seen.frames++;
    for (const element of painted('hidden')) seen.hiddenShown.push(element.getAttribute('data-probe') ?? '');
    if (!done) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const sources = [template(hidden), template(ordinary)];
  return new Promise((resolve) => {
    let added = 0;
    const timer = setInterval(() => {
      const kind = added % 2 === 0 ? 'hidden' : 'ordinary';
      const copy = sources[added % 2]?.cloneNode(true) as Element;
      // As the site renders it: none of what we wrote on the element it was cloned from.
      for (const name of ['data-uncanned', 'data-uncanned-hidden', 'data-uncanned-id', 'data-uncanned-revealed'])
        copy.removeAttribute(name);
      for (const ours of copy.querySelectorAll('uncanned-controls, uncanned-stub')) ours.remove();
      copy.id = `${copy.id}${String(1000 + added)}`;
      copy.setAttribute('data-probe', `${kind}-${added}`);
      for (const link of copy.querySelectorAll('a[href*="id="]'))
        link.setAttribute('href', (link.getAttribute('href') ?? '').replace(/(\d+)$/, `$1${1000 + added}`));
      if (kind === 'ordinary') {
        // Each ordinary message says something of its own (the same words twice would be a repeat).
        const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode())
          if (node.nodeValue?.includes(ordinary))
            node.nodeValue = `${ordinary} ${sayings[Math.floor(added / 2) % sayings.length]}`;
      }
      const source = sources[added % 2] as Element;
      source.parentElement?.insertBefore(copy, source.nextSibling);
      if (++added < count) return;
      clearInterval(timer);
      setTimeout(() => {
        done = true;
        seen.ordinaryShown = painted('ordinary').length;
        resolve(seen);
      }, 1_000);
    }, 120);
  });
}
