// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import adapter from './facebook';
import { extractAll, loadPage } from './test-page';

const url = 'https://www.facebook.com/groups/notetakers/posts/1029384756/';

describe('facebook adapter', () => {
  it('reads comments and replies (not the post) with vanity or numeric ids', () => {
    loadPage(url);
    const items = extractAll(adapter);
    expect(items).toHaveLength(20);
    expect(items.every(Boolean)).toBe(true);
    expect(items[0]).toEqual({
      id: '998900',
      sender: 'maya.okafor.3',
      senderName: 'Maya Okafor',
      text: 'Switched my whole recipe collection over on Sunday. My husband and I can finally edit the shopping list at the same time without losing items!',
      permalink: expect.stringContaining('/groups/notetakers/posts/1029384756/?comment_id=998900'),
    });
    expect(items[1]).toMatchObject({ id: '998917', sender: 'tkowal.dev.4' }); // reply: reply_comment_id
    expect(items.filter((item) => item?.sender === '1000552931000')).toHaveLength(4);
  });

  it('reads every paragraph when no span[lang] wraps them, and keeps no tracking tokens in the permalink', () => {
    loadPage(url);
    const lena = extractAll(adapter).find((item) => item?.senderName === 'Lena Brandt');
    expect(lena).toMatchObject({
      id: '998968',
      text: 'Can I use it on my old iPad?\nIt is stuck on iPadOS 15 and most apps have stopped supporting it.',
      permalink: 'https://www.facebook.com/groups/notetakers/posts/1029384756/?comment_id=998968',
    });
  });

  it('reads emoji by alt text and drops "See more"', () => {
    loadPage(url);
    const items = extractAll(adapter);
    expect(items.find((item) => item?.sender === '1000773100200')?.text).toBe(
      'Wow this changed my life! Message @fxmentor_claire on Telegram to learn how I earn daily 💸',
    );
    const priya = items.find((item) => item?.senderName === 'Priya Shah');
    expect(priya?.text.endsWith('…')).toBe(true);
  });

  it('pre-hide selector matches numeric and vanity senders', () => {
    loadPage(url);
    expect(document.querySelectorAll(adapter.senderSelector?.('1000552931000') ?? '')).toHaveLength(4);
    expect(document.querySelectorAll(adapter.senderSelector?.('maya.okafor.3') ?? '')).toHaveLength(1); // not Tomasz's reply tagging her
  });

  it("reads the comment id from the time link under a photo post (not /posts/), not the avatar's base64 one", () => {
    loadPage(url);
    document.body.innerHTML = `<div role="dialog"><div role="article" aria-label="Comment by Maria Lopez 5 hours ago" tabindex="-1">
 <a aria-hidden="true" href="https://www.facebook.com/maria.lopez.5?comment_id=Y29tbWVudDoxMjM0NTZfNzg5&amp;__cft__[0]=AZX" role="link" tabindex="-1"><svg aria-label="Maria Lopez" role="img"></svg></a>
 <span><a href="https://www.facebook.com/maria.lopez.5?comment_id=Y29tbWVudDoxMjM0NTZfNzg5" role="link" tabindex="0"><span dir="auto">Maria Lopez</span></a></span>
 <div dir="auto" style="text-align: start;">Work from home and earn $300/day, message me for details</div>
 <ul><li><a href="https://www.facebook.com/photo/?fbid=8812345&amp;set=a.1122&amp;comment_id=998900&amp;__cft__[0]=AZX" role="link"><span>5h</span></a></li>
  <li><div role="button" tabindex="0">Like</div></li></ul></div></div>`;
    expect(extractAll(adapter)).toEqual([
      expect.objectContaining({
        id: '998900',
        sender: 'maria.lopez.5',
        permalink: expect.stringContaining('/photo/?fbid=8812345&set=a.1122&comment_id=998900'),
      }),
    ]);
  });
});
