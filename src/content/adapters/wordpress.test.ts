// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractAll, loadPage } from './test-page';
import adapter from './wordpress';

const url = 'https://www.notesandtools.blog/2026/11/driftwood-1-0-review/';

describe('wordpress adapter', () => {
  it('is recognised by core comment markup on any host', () => {
    loadPage(url);
    expect(adapter.hosts).toEqual([]);
    expect(adapter.detect?.(document)).toBe(true);
    document.body.innerHTML = '<ol class="comment-list"><li>not WordPress</li></ol>';
    expect(adapter.detect?.(document)).toBe(false);
  });

  it('reads comment bodies (not their replies) with nicename or Gravatar ids', () => {
    loadPage(url);
    const items = extractAll(adapter);
    expect(items).toHaveLength(20);
    expect(items.every(Boolean)).toBe(true);
    expect(items[0]).toEqual({
      id: 'www.notesandtools.blog/comment-1040',
      sender: expect.stringMatching(/^gravatar:[0-9a-f]{32}$/),
      senderName: 'Maya Okafor',
      text: 'Thanks for the honest review. I appreciate that you listed what still annoys you instead of only praising it.',
      permalink: 'https://www.notesandtools.blog/2026/11/driftwood-1-0-review/#comment-1040',
      time: Date.parse('2026-11-24T15:00:00Z'),
    });
    expect(items[2]).toMatchObject({ sender: 'driftwood', senderName: 'Driftwood' }); // registered: nicename
    expect(items[0]?.text).not.toContain('Most reviews of notes apps read like press releases');
    expect(items.find((item) => item?.senderName === 'Priya Shah')?.text.split('\n')).toHaveLength(3);
  });

  it('pre-hide selector matches a guest by Gravatar hash', () => {
    loadPage(url);
    const quick = extractAll(adapter).find((item) => item?.senderName === 'Quick Gains Hub');
    expect(document.querySelectorAll(adapter.senderSelector?.(quick?.sender ?? '') ?? '')).toHaveLength(4);
  });

  // Legacy (non-HTML5) themes: Walker_Comment::comment() writes div#div-comment-N.comment-body, cite.fn,
  // div.comment-meta.commentmetadata and the paragraphs straight into the body; style "div" wraps in div#comment-N.
  it('reads legacy div-style comments', () => {
    loadPage(url);
    document.body.innerHTML = `<div class="commentlist">
<div id="comment-8" class="comment byuser comment-author-editor even thread-even depth-1">
 <div id="div-comment-8" class="comment-body">
  <div class="comment-author vcard"><img alt="" src="https://secure.gravatar.com/avatar/5f2b9c1e0d3a4b7c8e9f00112233aabb?s=32&amp;d=mm" class="avatar avatar-32 photo"> <cite class="fn">The Editor</cite> <span class="says">says:</span></div>
  <div class="comment-meta commentmetadata"><a href="https://www.notesandtools.blog/2026/11/driftwood-1-0-review/#comment-8">November 24, 2026 at 4:10 pm</a></div>
  <p>An older theme still prints the comment text straight into its body.</p>
  <div class="reply"><a rel="nofollow" class="comment-reply-link" href="?replytocom=8#respond">Reply</a></div>
 </div>
</div></div>`;
    expect(adapter.detect?.(document)).toBe(true);
    expect(extractAll(adapter)).toEqual([
      {
        id: 'www.notesandtools.blog/comment-8',
        sender: 'editor',
        senderName: 'The Editor',
        text: 'An older theme still prints the comment text straight into its body.',
        permalink: 'https://www.notesandtools.blog/2026/11/driftwood-1-0-review/#comment-8',
      },
    ]);
    expect(document.querySelectorAll(adapter.senderSelector?.('editor') ?? '')).toHaveLength(1);
  });

  // Block themes (core comment-template block): replies nest inside their parent's li. The guest rule (by avatar,
  // outside the replies' ol) is checked in Chromium (tests/e2e/page-style.e2e.ts): happy-dom mis-reads it.
  it("pre-hides a registered user's block-theme comment by its li", () => {
    document.body.innerHTML = `<ol class="wp-block-comment-template">
<li id="comment-1" class="comment comment-author-priya"><div class="wp-block-comment-content"><p>Parent</p></div>
 <ol class="children"><li id="comment-2" class="comment comment-author-sam"><p>Reply</p></li></ol></li></ol>`;
    const ids = [...document.querySelectorAll(adapter.senderSelector?.('priya') ?? '')].map((element) => element.id);
    expect(ids).toEqual(['comment-1']);
  });
});
