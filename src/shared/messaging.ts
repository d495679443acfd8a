/**
 * Typed messaging between content scripts, the background and extension pages. Envelope `{type, input}`, reply
 * `{ok, value | error}`; errors are rethrown on the calling side.
 */
import { browser, type Runtime } from './browser';
import { dispatch, type SenderInfo, unwrapReply } from './dispatch';
import { type ToBackground, type ToContent, toBackgroundSchemas, toContentSchemas } from './messages';

type Input<P, K extends keyof P> = P[K] extends (input: infer I) => unknown ? I : never;
type Output<P, K extends keyof P> = P[K] extends (input: never) => infer O ? O : never;

/** A handler for every message of protocol `P`: leaving one out is a compile error. */
export type Handlers<P> = {
  [K in keyof P]: (input: Input<P, K>, sender: SenderInfo) => Output<P, K> | Promise<Output<P, K>>;
};

export async function sendToBackground<K extends keyof ToBackground>(
  type: K,
  input: Input<ToBackground, K>,
): Promise<Output<ToBackground, K>> {
  return unwrapReply(type, await browser.runtime.sendMessage({ type, input }));
}

export async function sendToTab<K extends keyof ToContent>(
  tabId: number,
  type: K,
  input: Input<ToContent, K>,
): Promise<Output<ToContent, K>> {
  return unwrapReply(type, await browser.tabs.sendMessage(tabId, { type, input }));
}

function describeSender(sender: Runtime.MessageSender): SenderInfo {
  const extensionRoot = browser.runtime.getURL('');
  return {
    isOwnExtension: sender.id === browser.runtime.id,
    isExtensionPage: typeof sender.url === 'string' && sender.url.startsWith(extensionRoot),
    tabId: sender.tab?.id,
    frameId: sender.frameId,
    url: sender.url,
  };
}

const logRejection = (text: string) => console.error(`[uncanned] message rejected or failed: ${text}`);

/** Registers the background's handlers; call synchronously at the top level of the worker. */
export function handleInBackground(handlers: Handlers<ToBackground>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    dispatch(toBackgroundSchemas, handlers, message, describeSender(sender), logRejection),
  );
}

/** Registers a content script's handlers for messages from the background. */
export function handleInContent(handlers: Handlers<ToContent>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    dispatch(toContentSchemas, handlers, message, describeSender(sender), logRejection),
  );
}
