/**
 * CSS for the page (one <style> we own: hiding by attribute, uBO-style) and for our shadow roots (isolated from
 * the page's CSS). Hiding never removes nodes, so virtualized lists and React keep their bookkeeping.
 */
export const pageStyleId = 'uncanned-page-style';

export const pageCss = `[data-uncanned-hidden]{display:none!important}`;

/**
 * Until the page's mutes arrive from the background (a round trip, 0.3–0.7 s when the service worker was asleep),
 * messages keep their space but do not paint: a muted sender's would otherwise show, then collapse (RES's
 * `hideUntilProcessed`, peers.md §5.6).
 */
export const pendingRule = (itemSelector: string): string => `:is(${itemSelector}){visibility:hidden!important}`;

/**
 * Messages that come later (a chat row, more comments) wait unpainted until read (`data-uncanned-id`: muted or not
 * is known then) or judged (`data-uncanned`, when canned ones fold); one we cannot read is marked
 * `data-uncanned-unread`. The rule is off while the pipeline is more than 1.5 s behind (`behindAttribute`). (A CSS animation
 * as the cap, one per waiting element, cost a second of style recalculation on a 5,000-comment page.)
 */
export const waitCss = (selector: string, until: WaitUntil): string =>
  `:root:not([${behindAttribute}]) :is(${selector}):not([${until}], [${unreadAttribute}]){visibility:hidden!important}`;

/** On a message the pipeline read and could not judge (no sender): it never waits. */
export const unreadAttribute = 'data-uncanned-unread';

/** What a waiting message waits for: its reading (the id is written) or its verdict. */
export type WaitUntil = 'data-uncanned-id' | 'data-uncanned';

/**
 * Firefox: the hold and the wait rules live in content.css (firefox-sheet.ts), each off until the root names the
 * adapters it holds (`holdAttribute`), or what this page's messages wait for (`waitAttribute`) and its adapter
 * (`siteAttribute`).
 */
export const holdAttribute = 'data-uncanned-hold';
export const waitAttribute = 'data-uncanned-wait';
export const siteAttribute = 'data-uncanned-site';

/** On the root element while the pipeline is behind: an attribute, so the browser restyles only the messages. */
export const behindAttribute = 'data-uncanned-behind';

/** Pre-hides a muted sender's messages before they paint; "Show" sets data-uncanned-revealed. */
export const prehideRule = (selector: string): string =>
  `:is(${selector}):not([data-uncanned-revealed]){display:none!important}`;

export const shadowCss = `
:host{all:initial;display:inline-flex;vertical-align:middle;margin:0 6px;max-width:100%;direction:ltr;unicode-bidi:isolate;
  flex:1 1 0%;min-width:min(9rem,100%);
  font:500 12px/18px system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#3d2c00;
  --chip:#fff3cd;--chip-border:#e8c35a;--chip-text:#6b4a00;--action:#ffffff;--action-border:#d5d7dc;--action-text:#40444d;
  --panel:#fffdf6;--panel-border:#ecdca8;--panel-text:#1f2328;--muted:#656d76;--ins:#d3f4dc;--del:#fde2e2;--focus:#2563eb}
:host([data-theme="dark"]){color:#f5e7c4;--chip:#3b2f12;--chip-border:#8a6d1f;--chip-text:#ffd978;--action:#23262d;
  --action-border:#454a55;--action-text:#d7dae0;--panel:#1d2026;--panel-border:#4a4230;--panel-text:#e6e8eb;--muted:#9aa1ab;
  --ins:#1f4d2c;--del:#5a2323;--focus:#7aa7ff}
:host([data-open]){position:relative;z-index:2147483000}
.bar{display:inline-flex;align-items:center;gap:4px;flex-wrap:wrap}
button{font:inherit;line-height:18px;margin:0;border:1px solid var(--action-border);border-radius:999px;padding:0 8px;
  background:var(--action);color:var(--action-text);cursor:pointer;white-space:nowrap}
button:hover{filter:brightness(.95)}
button:focus-visible{outline:2px solid var(--focus);outline-offset:1px}
.chip{background:var(--chip);border-color:var(--chip-border);color:var(--chip-text);font-weight:600;max-width:100%;
  overflow:hidden;text-overflow:ellipsis}
.bar{max-width:100%;min-width:0}
.chip::before{content:"";display:inline-block;width:6px;height:6px;border-radius:50%;background:currentColor;margin:0 5px 1px 0}
.chip[aria-expanded="true"]{box-shadow:inset 0 0 0 1px var(--chip-border)}
/* A popover under the chip: opening it never reflows the site's layout (flex rows, grids). */
.panel{position:absolute;top:calc(100% + 6px);left:0;z-index:2147483000;box-sizing:border-box;width:max-content;
  max-width:min(34rem,calc(100vw - 24px));padding:8px 10px;border:1px solid var(--panel-border);border-radius:8px;
  background:var(--panel);color:var(--panel-text);font-weight:400;line-height:1.45;white-space:normal;text-align:left;
  overflow-wrap:anywhere;box-shadow:0 8px 24px rgba(0,0,0,.18)}
.panel:focus{outline:none}
.panel.top-layer{position:fixed;inset:auto;margin:0;max-height:calc(100vh - 16px);overflow:auto}
.panel[hidden]{display:none}
.panel p{margin:0 0 4px}
.panel ol{margin:4px 0 8px;padding-left:18px}
.panel li{margin:4px 0}
.who{font-weight:600}.when,.note{color:var(--muted)}
.text{display:block;overflow-wrap:anywhere;unicode-bidi:plaintext}
.who{unicode-bidi:isolate}
.added{background:var(--ins);color:inherit;border-radius:2px;padding:0 2px}
.removed{background:var(--del);border-radius:2px;padding:0 2px}
.this-one{margin:6px 0 4px}.legend{font-size:11px}
a{color:inherit}
.stub{color:var(--muted);font-style:italic}
.stub button{font-style:normal;margin-left:6px}`;
