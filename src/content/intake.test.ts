// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import linkedin from './adapters/linkedin';
import { observe } from './observe';
import { Pipeline } from './pipeline';
import { testState } from './test-messages';
import { cleanVerdict } from './verdicts';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));

const observerRuns = () => new Promise((resolve) => setTimeout(resolve, 0));

it("reads a message again when the sender it takes from beside it renders later (LinkedIn messaging's group header)", async () => {
  document.body.innerHTML = `<ul class="msg-s-message-list"><li class="msg-s-message-list__event">
    <div class="msg-s-event-listitem msg-s-event-listitem--other" data-event-urn="urn:li:msg_message:(a,1)">
      <p class="msg-s-event-listitem__body">Hi! We have an exciting opportunity, are you open to a quick call?</p></div>
    </li></ul>`;
  const sent: string[] = [];
  const pipeline = new Pipeline(
    linkedin,
    document,
    { ...testState, site: 'linkedin' },
    {
      classify: async (items) => {
        sent.push(...items.map((data) => `${data.id}|${data.sender}`));
        return items.map((data) => cleanVerdict(data.id));
      },
      actions: { mute: () => {}, notCanned: () => {}, explain: async () => [] },
      onChange: () => {},
    },
  );
  const stop = observe(document, (added, changed) => pipeline.enqueue(added, changed), pipeline.itemSelector);
  pipeline.enqueue([document]);
  pipeline.flush(1_000);
  expect(sent).toEqual([]); // no sender yet: nothing to send
  const meta = document.createElement('div'); // the header: name and profile link, before the message
  meta.className = 'msg-s-message-group__meta';
  meta.innerHTML =
    '<a class="msg-s-message-group__profile-link" href="https://www.linkedin.com/in/riley-hunt/"><img alt=""></a><span class="msg-s-message-group__name">Riley Hunt</span>';
  document.querySelector('li')?.prepend(meta);
  await observerRuns();
  pipeline.flush(1_000);
  await observerRuns();
  stop();
  expect(sent).toEqual(['urn:li:msg_message:(a,1)|in/riley-hunt']);
});
