import { describe, expect, test } from 'vitest';
import { createEngine, FORMAT_VERSION } from './index';

const TEXTS = [
  'Check out my channel for awesome music videos every week',
  'The treaty of Versailles was signed in June 1919 in France',
  'Hi Anna, thanks for connecting! I help founders grow their outreach.',
  'love this song',
];

function filled() {
  const engine = createEngine();
  TEXTS.forEach((text, i) => {
    for (const sender of ['a', 'b']) engine.observe({ id: `${i}${sender}`, site: 'yt', sender, text, time: i });
  });
  engine.addFeedback({ kind: 'sender', site: 'yt', sender: 'b' });
  return engine;
}

describe('snapshot', () => {
  test('survives structuredClone and gives the same verdicts afterwards', () => {
    const original = filled();
    const restored = createEngine({}, structuredClone(original.snapshot()));
    expect(restored.size).toBe(original.size);
    const replay = { id: '0a', site: 'yt', sender: 'a', text: TEXTS[0] ?? '' };
    expect(restored.observe(replay)).toEqual(original.observe(replay));
    for (const sender of ['b', 'c']) {
      const next = { id: `n${sender}`, site: 'yt', sender, text: TEXTS[2] ?? '' };
      expect(restored.observe(next)).toEqual(original.observe(next));
    }
  });

  test('restores without saved lookups or with another minWords by rebuilding them', () => {
    const { derived: _derived, ...bare } = filled().snapshot() as Record<string, unknown> & { formatVersion: number };
    const restored = createEngine({}, bare);
    const next = { id: 'z', site: 'yt', sender: 'c', text: TEXTS[0] ?? '' };
    expect(restored.observe(next)).toMatchObject({ canned: true, reason: 'template', templateSenders: 3 });
    const other = createEngine({ minWords: 2 }, filled().snapshot());
    expect(other.observe({ ...next, id: 'y', text: TEXTS[3] ?? '' })).toMatchObject({ canned: true });
  });

  test('is versioned and rejects other versions and damaged data', () => {
    const snapshot = filled().snapshot();
    expect(snapshot.formatVersion).toBe(FORMAT_VERSION);
    expect(() => createEngine({}, { ...snapshot, formatVersion: FORMAT_VERSION + 1 })).toThrow(
      /formatVersion .* not supported/,
    );
    expect(() => createEngine({}, { ...snapshot, count: 99 })).toThrow(/damaged/);
    const columns = { ...(snapshot.columns as Record<string, unknown>), time: new Uint8Array(3) };
    expect(() => createEngine({}, { ...snapshot, columns })).toThrow(/column "time"/);
  });

  test('consists of typed arrays and strings packed into one string each (fast to clone)', () => {
    const snapshot = filled().snapshot() as Record<string, unknown>;
    for (const column of Object.values(snapshot.columns as Record<string, unknown>)) {
      expect(ArrayBuffer.isView(column)).toBe(true);
    }
    for (const name of ['ids', 'keys', 'senderSites', 'senderNames']) {
      const packed = snapshot[name] as { text: unknown; ends: unknown };
      expect(typeof packed.text).toBe('string');
      expect(packed.ends).toBeInstanceOf(Uint32Array);
    }
    expect((snapshot.ids as { ends: Uint32Array }).ends).toHaveLength(8);
  });

  test('rejects packed strings whose offsets do not fit the text', () => {
    const snapshot = filled().snapshot() as Record<string, unknown> & { formatVersion: number };
    const ids = snapshot.ids as { text: string; ends: Uint32Array };
    expect(() => createEngine({}, { ...snapshot, ids: { ...ids, text: ids.text.slice(1) } })).toThrow(/damaged/);
    const ends = ids.ends.slice().reverse();
    expect(() => createEngine({}, { ...snapshot, ids: { ...ids, ends } })).toThrow(/damaged/);
  });

  test('an empty engine round-trips', () => {
    const restored = createEngine({}, createEngine().snapshot());
    expect(restored.size).toBe(0);
    expect(restored.observe({ id: '1', site: 's', sender: 'x', text: TEXTS[0] ?? '' }).clusterId).toBe('c1');
  });
});

describe('snapshot growth after restore', () => {
  test('a restored engine keeps growing correctly (ids, senders, hashes)', () => {
    const engine = createEngine();
    for (let i = 0; i < 300; i++)
      engine.observe({
        id: `a${i}`,
        site: 's',
        sender: `u${i % 50}`,
        text: `message number ${i} with enough words in it`,
      });
    const restored = createEngine({}, structuredClone(engine.snapshot()));
    for (let i = 0; i < 3000; i++) {
      restored.observe({
        id: `b${i}`,
        site: 's',
        sender: `v${i}`,
        text: `another message ${i} with enough words in it`,
      });
    }
    expect(restored.size).toBe(3300);
    expect(restored.observe({ id: 'a5', site: 's', sender: 'u5', text: 'x' }).id).toBe('a5');
    expect(restored.size).toBe(3300);
    const again = restored.observe({
      id: 'c',
      site: 's',
      sender: 'u7',
      text: 'message number 7 with enough words in it',
    });
    expect(again).toMatchObject({ canned: true, reason: 'repeat-sender' });
  });
});
