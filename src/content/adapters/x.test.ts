// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractAll, loadPage } from './test-page';
import adapter from './x';

const url = 'https://x.com/driftwood_app/status/1861234567890123456';

describe('x adapter', () => {
  it('reads the focal post and every reply with handle, name, id and time', () => {
    loadPage(url);
    const items = extractAll(adapter);
    expect(items).toHaveLength(22);
    expect(items.every(Boolean)).toBe(true);
    // The focused post's date link sits below its text, outside User-Name (as on x.com).
    expect(items[0]).toMatchObject({
      id: '1861234567890123456',
      sender: 'driftwood_app',
      senderName: 'Driftwood',
      permalink: 'https://x.com/driftwood_app/status/1861234567890123456',
      time: Date.parse('2026-11-24T14:40:00.000Z'),
    });
    expect(items[1]).toEqual({
      id: '1861234567891000000',
      sender: 'maya_okafor',
      senderName: 'Maya Okafor',
      text: 'This is the update I have been waiting for. Moved my whole second brain over last night and nothing broke.',
      permalink: 'https://x.com/maya_okafor/status/1861234567891000000',
      time: Date.parse('2026-11-24T15:00:00.000Z'),
    });
  });

  it('turns emoji images into text, keeps the own text of a quoting post, marks truncation as prefix', () => {
    loadPage(url);
    const items = extractAll(adapter);
    const sunny = items.find((item) => item?.sender === 'sunny_daze44');
    expect(sunny?.senderName).toBe('Sunny Days ☀️');
    expect(sunny?.text).toBe(
      'Wow this changed my life!! Message @fxmentor_claire on Telegram to learn how I earn daily 💸',
    );
    const lena = items.find((item) => item?.sender === 'lenabuilds');
    expect(lena?.text).toMatch(/^Before I switch: can I get everything back out as plain Markdown/);
    expect(items.some((item) => item?.sender === 'obsidian_fan')).toBe(false);
    const priya = items.find((item) => item?.sender === 'priyashah');
    expect(priya?.text.endsWith('…')).toBe(true);
    expect(priya?.text).not.toContain('Show more');
  });

  it("gives a quote tweet without text of its own an empty text, not the quoted post's", () => {
    loadPage(url);
    const noor = extractAll(adapter).find((item) => item?.sender === 'noor_reads');
    expect(noor).toMatchObject({ id: '1861234567899900001', senderName: 'Noor', text: '' });
  });

  it('pre-hide selector matches the sender case-insensitively', () => {
    loadPage(url);
    expect(document.querySelectorAll(adapter.senderSelector?.('quickgains_hub') ?? '')).toHaveLength(4);
  });

  it('pre-hide selector leaves out avatars of quoted posts (a post quoting a muted sender is not theirs)', () => {
    // happy-dom misreads combinators inside :not(); in Chromium this selector matched the fixture's 4 posts by
    // quickgains_hub with a quickgains_hub avatar added to the quote card, where the previous one matched 5.
    expect(adapter.senderSelector?.('quickgains_hub')).toContain(':not(div[role="link"] *)');
  });
});
