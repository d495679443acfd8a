// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { message, testAdapter, testState } from './test-messages';
import { pipelineOn, repeatVerdict } from './test-pipeline';
import { cleanVerdict } from './verdicts';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));

const state = testState;

describe('Pipeline counts (the popup\'s "This tab" and the badge)', () => {
  it('starts its counts over when paused (clearAll), so the badge does not keep them', async () => {
    document.body.replaceChildren();
    document.body.append(message('m0'), message('m1'));
    const { pipeline, settle } = pipelineOn(document);
    pipeline.enqueue([document]);
    await settle();
    expect(pipeline.counts.read).toBe(2);
    pipeline.clearAll();
    expect(pipeline.counts.read).toBe(0);
    expect(document.querySelectorAll('[data-uncanned]')).toHaveLength(0);
  });

  it("does not count the previous page's messages still on screen after the address changed, only the new page's", async () => {
    document.body.replaceChildren();
    const [old, oldCanned] = [message('m0'), message('m1', 'spammer')];
    document.body.append(old, oldCanned);
    let clock = 0;
    const verdictFor = (id: string) => (id === 'm1' ? repeatVerdict(id) : cleanVerdict(id));
    const { pipeline, settle } = pipelineOn(document, state, verdictFor, () => clock);
    pipeline.enqueue([document]);
    await settle();
    expect(pipeline.counts).toEqual({ read: 2, canned: 1 });

    clock = 5_000; // the address changes long after these were read; the new page has not rendered yet
    pipeline.restart();
    await settle();
    expect(pipeline.counts).toEqual({ read: 0, canned: 0 });
    expect(oldCanned.getAttribute('data-uncanned')).toBe('canned'); // still marked, just not counted again

    // The new page renders: a new element, and the old one re-used for another message.
    old.dataset.mid = 'n0';
    const added = message('n1');
    document.body.append(added);
    pipeline.enqueue([old, added]);
    await settle();
    expect(pipeline.counts).toEqual({ read: 2, canned: 0 });
  });

  it('counts what a single-page app rendered just before it changed the address for the new page', async () => {
    document.body.replaceChildren();
    const item = message('m0');
    document.body.append(item);
    let clock = 0;
    const { pipeline, settle } = pipelineOn(document, state, undefined, () => clock);
    pipeline.enqueue([document]);
    await settle();

    clock = 5_000; // the new page renders first: the element is re-used, one more is added
    item.dataset.mid = 'n0';
    const added = message('n1');
    document.body.append(added);
    pipeline.enqueue([item, added]);
    await settle();
    expect(pipeline.counts.read).toBe(3);

    clock = 5_300; // then the address changes
    pipeline.restart();
    await settle();
    expect(pipeline.counts.read).toBe(2);
  });

  it("counts the previous page's messages that stay on screen 3 s after the address changed (a photo viewer)", async () => {
    document.body.replaceChildren();
    document.body.append(message('m0'), message('m1', 'spammer'));
    let clock = 0;
    const verdictFor = (id: string) => (id === 'm1' ? repeatVerdict(id) : cleanVerdict(id));
    const { pipeline, settle } = pipelineOn(document, state, verdictFor, () => clock);
    pipeline.enqueue([document]);
    await settle();
    clock = 5_000;
    pipeline.restart();
    await settle();
    expect(pipeline.counts).toEqual({ read: 0, canned: 0 });
    clock = 8_100; // nothing replaced them: they are this page's
    await settle();
    expect(pipeline.counts).toEqual({ read: 2, canned: 1 });
    expect(pipeline.hasWork).toBe(false);
  });

  it('tells a changed layout (messages show, none or none of their texts read) from a page without messages', async () => {
    document.body.replaceChildren();
    const canaried = { ...testAdapter, canary: 'p.comment-text' };
    const { pipeline, settle } = pipelineOn(document, state, cleanVerdict, undefined, canaried);
    pipeline.enqueue([document]);
    await settle();
    expect(pipeline.isLayoutChanged).toBe(false); // nothing here yet
    const renamed = Object.assign(document.createElement('p'), { className: 'comment-text', textContent: 'hi' });
    document.body.append(renamed); // a comment whose item hook the site renamed: no div.message around it
    expect(pipeline.isLayoutChanged).toBe(true);

    renamed.remove();
    const textless = ['e1', 'e2', 'e3'].map((id) => message(id, `s-${id}`, ''));
    document.body.append(...textless); // the text hook renamed: items read, every text empty
    pipeline.enqueue(textless);
    await settle();
    expect(pipeline.counts.read).toBe(3);
    expect(pipeline.isLayoutChanged).toBe(true);
    document.body.append(message('e4'));
    pipeline.enqueue([document.body.lastChild as Node]);
    await settle();
    expect(pipeline.isLayoutChanged).toBe(false);
  });
});
