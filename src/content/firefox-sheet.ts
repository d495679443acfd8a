/**
 * Firefox keeps a `<style>` element of ours in open pages when it unloads the extension (an update, a disable) and
 * runs nothing of ours there any more: a rule in it that keeps messages blank until we read them would keep them
 * blank for good. So in Firefox those rules (the hold at load, the wait for later messages) are in content.css,
 * listed in the manifest (scripts/build.mjs writes it from this module): Firefox applies it at document_start and
 * removes it with the extension. Every rule is off until the root element turns it on (page-style.ts).
 */

import { joinSelector, type SiteAdapter } from './adapters/define-adapter';
import { adapters } from './adapters/index';
import { behindAttribute, holdAttribute, siteAttribute, unreadAttribute, waitAttribute } from './styles';

const hidden = '{visibility:hidden!important}';

/** The selectors of a list, split at its top-level commas (not those inside `:is(…)`, `[…]` or quotes). */
export function splitSelectorList(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let index = 0; index < list.length; index++) {
    const char = list[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(list.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(list.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

/**
 * One rule per selector, so a selector Firefox rejects costs only its own rule; no `:is()` around the item, so
 * Firefox files each rule under its item's tag, id or class and tests it on those elements alone.
 */
export function firefoxSheet(all: readonly SiteAdapter[] = adapters): string {
  const rules: string[] = [];
  const waitFor = (site: string, until: string, list: string) => {
    const root = `:root[${waitAttribute}="${until}"][${siteAttribute}="${site}"]:not([${behindAttribute}])`;
    for (const item of splitSelectorList(list))
      rules.push(`${root} ${item}:not([${until}]):not([${unreadAttribute}])${hidden}`);
  };
  for (const adapter of all) {
    const items = joinSelector(adapter.item);
    for (const item of splitSelectorList(items))
      rules.push(`:root[${holdAttribute}~="${adapter.id}"] ${item}${hidden}`);
    waitFor(adapter.id, 'data-uncanned', items);
    if (adapter.unhookedItems) waitFor(adapter.id, 'data-uncanned-id', adapter.unhookedItems);
  }
  return `/* Uncanned: off until the root element turns a rule on (src/content/firefox-sheet.ts). */\n${rules.join('\n')}\n`;
}
