// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import { defineAdapter } from './adapters/define-adapter';
import { controlsTag } from './chip';
import { applyMarks } from './marks';
import { message, testAdapter } from './test-messages';
import { repeatVerdict } from './test-pipeline';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));

it('makes the controls a list item when the slot is a list (old Reddit, Facebook), and nothing else', () => {
  Object.assign(document.defaultView as object, { IntersectionObserver: undefined }); // controls come at once
  const adapter = defineAdapter({ ...testAdapter, slot: 'ul' });
  const [listed, plain] = [message('m1'), message('m2')];
  listed.append(document.createElement('ul'));
  document.body.replaceChildren(listed, plain);
  const context = { adapter, actions: { mute: () => {}, notCanned: () => {}, explain: async () => [] }, onShow() {} };
  for (const item of [listed, plain]) {
    const data = { id: item.dataset.mid ?? '', sender: 's', text: 'text' };
    item.setAttribute('data-uncanned-id', data.id); // as the pipeline records it (shown.ts)
    applyMarks(item, data, repeatVerdict(data.id), { judged: 'canned' }, context);
  }
  expect(listed.querySelector(`ul > ${controlsTag}`)?.getAttribute('role')).toBe('listitem');
  expect(plain.querySelector(controlsTag)?.hasAttribute('role')).toBe(false);
});
