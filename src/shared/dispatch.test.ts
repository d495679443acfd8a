import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { dispatch, type SenderInfo, unwrapReply } from './dispatch';
import { toBackgroundSchemas } from './messages';

const contentScript: SenderInfo = { isOwnExtension: true, isExtensionPage: false, tabId: 3, url: 'https://x.com/home' };
const popup: SenderInfo = {
  isOwnExtension: true,
  isExtensionPage: true,
  url: 'chrome-extension://abc/popup/index.html',
};
const stranger: SenderInfo = { isOwnExtension: false, isExtensionPage: false };

const schemas = {
  echo: { origin: 'any', input: v.object({ text: v.pipe(v.string(), v.maxLength(10)) }) },
  wipe: { origin: 'extension-page', input: v.object({}) },
} as const;

describe('dispatch', () => {
  const handlers = { echo: vi.fn(({ text }: { text: string }) => text.toUpperCase()), wipe: vi.fn(() => 'wiped') };

  it('routes a valid message to its handler and wraps the value', async () => {
    await expect(dispatch(schemas, handlers, { type: 'echo', input: { text: 'hi' } }, contentScript)).resolves.toEqual({
      ok: true,
      value: 'HI',
    });
  });

  it.each([
    ['a foreign sender', { type: 'echo', input: { text: 'hi' } }, stranger, /not this extension/],
    ['a malformed envelope', 'echo', contentScript, /Malformed/],
    ['an unknown type', { type: 'nope', input: {} }, contentScript, /Unknown message type/],
    ['a prototype key as type', { type: 'toString', input: {} }, contentScript, /Unknown message type/],
    ['a wrong shape', { type: 'echo', input: { text: 42 } }, contentScript, /Invalid input for "echo" at text/],
    ['an oversized payload', { type: 'echo', input: { text: 'x'.repeat(11) } }, contentScript, /at text/],
    ['a page-only message from a content script', { type: 'wipe', input: {} }, contentScript, /only accepted/],
  ])('rejects %s with a logged error and never calls a handler', async (_name, message, sender, error) => {
    handlers.echo.mockClear();
    handlers.wipe.mockClear();
    const log = vi.fn();
    const reply = await dispatch(schemas, handlers, message, sender, log);
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error.message).toMatch(error);
    expect(log).toHaveBeenCalledOnce();
    expect(handlers.echo).not.toHaveBeenCalled();
    expect(handlers.wipe).not.toHaveBeenCalled();
  });

  it('accepts page-only messages from extension pages', async () => {
    await expect(dispatch(schemas, handlers, { type: 'wipe', input: {} }, popup)).resolves.toEqual({
      ok: true,
      value: 'wiped',
    });
  });

  it('turns a handler error into an error reply that the caller rethrows', async () => {
    const failing = { echo: () => Promise.reject(new RangeError('disk full')), wipe: () => 0 };
    const reply = await dispatch(schemas, failing, { type: 'echo', input: { text: 'a' } }, contentScript);
    expect(() => unwrapReply('echo', reply)).toThrow(RangeError.name === 'RangeError' ? 'disk full' : '');
    expect(reply).toEqual({ ok: false, error: { name: 'RangeError', message: 'disk full' } });
  });

  it('caps classify batches and text length in the real protocol', () => {
    const item = { id: '1', sender: 'a', text: 'x' };
    const input = (items: unknown[]) => ({ site: 'x', url: 'https://x.com/', items });
    expect(v.safeParse(toBackgroundSchemas.classify.input, input([item])).success).toBe(true);
    expect(v.safeParse(toBackgroundSchemas.classify.input, input(Array(501).fill(item))).success).toBe(false);
    expect(
      v.safeParse(toBackgroundSchemas.classify.input, input([{ ...item, text: 'x'.repeat(20_001) }])).success,
    ).toBe(false);
    expect(v.safeParse(toBackgroundSchemas.classify.input, input([{ ...item, sender: '' }])).success).toBe(false);
  });
});
