import { describe, expect, test } from 'vitest';
import type { ObservedMessage } from './api';
import { createEngine, normalizeText } from './index';

const BAD_TEXTS: [string, string][] = [
  ['empty', ''],
  ['whitespace', ' \n\t '],
  ['1 MB', `${'spam text with words '.repeat(50_000)}`],
  ['lone surrogates', 'bad \ud800 half \udfff pair'],
  ['RTL', 'مرحبا بكم في قناتي الجديدة اشتركوا الآن'],
  ['RTL override', '\u202egnp.exe free download now please'],
  ['emoji only', '🔥🔥🔥😂😂👍🏽👨‍👩‍👧'],
  ['null bytes', 'null\u0000byte\u0000text here now'],
  ['entities only', '&amp;&lt;&gt;&#0;&#x110000;'],
  ['tags only', '<b></b><br/><script>x</script>'],
];

describe('bad input', () => {
  test.each(BAD_TEXTS)('%s: no crash, sensible verdict', (_name, text) => {
    const engine = createEngine();
    const first = engine.observe({ id: '1', site: 's', sender: 'a', text });
    expect(first).toMatchObject({ id: '1', canned: false, senderCount: 1, templateSenders: 1 });
    const second = engine.observe({ id: '2', site: 's', sender: 'a', text });
    expect(second.similarity).toBeGreaterThanOrEqual(0);
    expect(second.similarity).toBeLessThanOrEqual(1);
    expect(normalizeText(text).key).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  test('a repeated 1 MB message is flagged quickly', () => {
    const engine = createEngine();
    const text = `Buy followers now at my shop. ${'x'.repeat(1_000_000)}`;
    const started = Date.now();
    engine.observe({ id: '1', site: 's', sender: 'a', text });
    expect(engine.observe({ id: '2', site: 's', sender: 'a', text }).canned).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);
  });

  test('a repeated long RTL message is flagged', () => {
    const engine = createEngine();
    const text = 'مرحبا بكم في قناتي الجديدة اشتركوا الآن';
    engine.observe({ id: '1', site: 's', sender: 'a', text });
    expect(engine.observe({ id: '2', site: 's', sender: 'a', text: `${text}!!` }).canned).toBe(true);
  });

  test('wrongly typed fields from untrusted callers do not crash', () => {
    const engine = createEngine();
    const weird = {
      id: 5,
      site: null,
      sender: undefined,
      text: { a: 1 },
      time: Number.NaN,
    } as unknown as ObservedMessage;
    expect(engine.observe(weird)).toMatchObject({ id: '5', canned: false });
    expect(engine.observe({ id: 'n', site: 's\u0000x', sender: 'a\u0000b', text: 'hello' }).canned).toBe(false);
  });
});
