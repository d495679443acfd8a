/**
 * Validates and routes one incoming message to its handler. Pure (no browser APIs) so it is unit-tested; the
 * browser wiring is in `messaging.ts`.
 */
import * as v from 'valibot';
import type { Origin } from './messages';

export interface Envelope {
  type: string;
  input: unknown;
}

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: { name: string; message: string } };

/** What the receiving side knows about who sent a message. */
export interface SenderInfo {
  /** The sender is this extension (its own content script or page). */
  isOwnExtension: boolean;
  /** The sender is one of this extension's pages (popup, options), not a content script. */
  isExtensionPage: boolean;
  tabId?: number;
  /** The frame in the tab (0: the top frame), for content scripts. */
  frameId?: number;
  url?: string;
}

type Schemas = Record<string, { origin: Origin; input: v.GenericSchema }>;
// biome-ignore lint/suspicious/noExplicitAny: handler inputs are checked by the schema before the call.
type AnyHandlers = Record<string, (input: any, sender: SenderInfo) => unknown>;

export class RejectedMessageError extends Error {
  override name = 'RejectedMessageError';
}

const isEnvelope = (message: unknown): message is Envelope =>
  typeof message === 'object' && message !== null && typeof (message as Envelope).type === 'string';

/** Runs the handler for `message`, or explains in the reply why the message was rejected. Never throws. */
export async function dispatch(
  schemas: Schemas,
  handlers: AnyHandlers,
  message: unknown,
  sender: SenderInfo,
  log: (text: string) => void = () => {},
): Promise<Reply> {
  try {
    const { type, input } = checkMessage(schemas, message, sender);
    const handler = handlers[type];
    if (!handler) throw new RejectedMessageError(`No handler for "${type}"`);
    return { ok: true, value: await handler(input, sender) };
  } catch (error) {
    const { name, message: text } = error instanceof Error ? error : new Error(String(error));
    log(`${name}: ${text}`);
    return { ok: false, error: { name, message: text } };
  }
}

function checkMessage(schemas: Schemas, message: unknown, sender: SenderInfo): { type: string; input: unknown } {
  if (!sender.isOwnExtension) throw new RejectedMessageError('Sender is not this extension');
  if (!isEnvelope(message)) throw new RejectedMessageError('Malformed message envelope');
  const entry = Object.hasOwn(schemas, message.type) ? schemas[message.type] : undefined;
  if (!entry) throw new RejectedMessageError(`Unknown message type "${message.type.slice(0, 60)}"`);
  if (entry.origin === 'extension-page' && !sender.isExtensionPage) {
    throw new RejectedMessageError(`"${message.type}" is only accepted from extension pages`);
  }
  const parsed = v.safeParse(entry.input, message.input);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
    throw new RejectedMessageError(`Invalid input for "${message.type}"${path ? ` at ${path}` : ''}: ${issue.message}`);
  }
  return { type: message.type, input: parsed.output };
}

/** Unwraps a reply on the calling side: returns the value or rethrows the handler's error. */
export function unwrapReply<T>(type: string, reply: unknown): T {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new Error(`No valid reply to "${type}"`);
  }
  const typed = reply as Reply<T>;
  if (typed.ok) return typed.value;
  const error = new Error(typed.error.message);
  error.name = typed.error.name;
  throw error;
}
