// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ItemVerdict } from '../shared/views';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));
const { createControls } = await import('./chip');

const verdict: ItemVerdict = {
  id: 'm1',
  canned: true,
  reason: 'repeat-sender',
  senderCount: 3,
  templateSenders: 1,
  clusterId: 'k',
  similarity: 1,
};

function controls() {
  document.body.replaceChildren();
  const outside = document.createElement('a');
  outside.href = '#site';
  const actions = { mute: vi.fn(), notCanned: vi.fn(), explain: vi.fn(async () => []) };
  const host = createControls(document, { id: 'm1', sender: 'bot', text: 'x' }, verdict, actions, 'light');
  document.body.append(host, outside);
  const chip = host.shadowRoot?.querySelector('.chip') as HTMLButtonElement;
  const isOpen = () => chip.getAttribute('aria-expanded') === 'true';
  return { host, chip, outside, isOpen, actions };
}

describe('controls', () => {
  it('close their explanation on Escape and give focus back to the chip', () => {
    const { chip, isOpen, actions } = controls();
    chip.click();
    expect(isOpen()).toBe(true);
    expect(actions.explain).toHaveBeenCalledOnce();
    chip.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(isOpen()).toBe(false);
    expect(chip.getRootNode()).toHaveProperty('activeElement', chip);
  });

  it('close their explanation on a click elsewhere on the page, not on a click inside', () => {
    const { chip, outside, isOpen } = controls();
    chip.click();
    chip.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(isOpen()).toBe(true);
    outside.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(isOpen()).toBe(false);
  });

  it('close their explanation when focus moves on to the site', () => {
    const { host, chip, outside, isOpen } = controls();
    chip.click();
    chip.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget: outside }));
    expect(isOpen()).toBe(false);
    expect(host.hasAttribute('data-open')).toBe(false);
  });

  it('say the explanation failed instead of staying on "Loading…" when its copies cannot be shown', async () => {
    const { host, chip, actions } = controls();
    actions.explain.mockResolvedValueOnce([null] as never); // no copy: filling the panel throws
    chip.click();
    const panel = host.shadowRoot?.querySelector('.panel');
    await vi.waitFor(() => expect(panel?.textContent).toBe('Could not load the earlier copies.'));
  });
});

describe('explanation placement', () => {
  it('opens under the chip, above it near the bottom of a small window, and always inside the window', async () => {
    const { verticalPlace } = await import('./popover');
    expect(verticalPlace({ top: 100, bottom: 120 }, 200, 560)).toBe(126); // room below
    expect(verticalPlace({ top: 500, bottom: 520 }, 200, 560)).toBe(294); // the last chat line: above
    expect(verticalPlace({ top: 200, bottom: 220 }, 500, 560)).toBe(52); // fits neither: more room below, clamped
    expect(verticalPlace({ top: 400, bottom: 420 }, 800, 560)).toBe(8); // taller than the window: from its top
  });
});
