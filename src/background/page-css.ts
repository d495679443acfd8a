/**
 * Firefox keeps a `<style>` element of ours in the page after it unloads the extension (an update, a disable), and
 * nothing of ours runs there any more: a rule that keeps new messages blank until we read them would keep them blank
 * for good. A sheet the browser inserted for us goes with the extension (checked in Firefox ESR 153).
 */
import { browser } from '../shared/browser';
import type { SenderInfo } from '../shared/dispatch';

export async function insertPageCss(css: string, sender: SenderInfo): Promise<void> {
  // Only into the frame that asked: the tab and frame ids come from the browser, not from the page.
  if (sender.tabId === undefined) throw new RangeError('insertPageCss must come from a tab');
  await browser.scripting.insertCSS({ target: { tabId: sender.tabId, frameIds: [sender.frameId ?? 0] }, css });
}
