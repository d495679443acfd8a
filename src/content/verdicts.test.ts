import { describe, expect, it } from 'vitest';
import type { ItemVerdict } from '../shared/views';
import { ClusterMemory } from './clusters';
import { Verdicts } from './verdicts';

const data = (index: number) => ({ id: `m${index}`, sender: `s${index}`, text: `text ${index}` });
const verdict = (id: string): ItemVerdict => ({
  id,
  canned: false,
  reason: null,
  senderCount: 1,
  templateSenders: 1,
  clusterId: `c-${id}`,
  similarity: 0,
});

describe('Verdicts', () => {
  it('queues new messages once, counts reads per page and keeps no text', () => {
    const queued: string[] = [];
    const verdicts = new Verdicts(() => {});
    verdicts.read(data(1), (item) => queued.push(item.id));
    const entry = verdicts.read(data(1), (item) => queued.push(item.id));
    expect(queued).toEqual(['m1']);
    expect(entry.data).toEqual({ id: 'm1', sender: 's1', text: '' });
    expect(verdicts.counts.read).toBe(1);
    verdicts.newPage();
    verdicts.read(data(1), () => {});
    expect(verdicts.counts.read).toBe(1);
  });

  it('keeps what is on the page past the limit, and never drops the entry it is storing', () => {
    const clusters = new ClusterMemory();
    const verdicts = new Verdicts(
      () => {},
      () => true, // every message is still on the page
    );
    const readAndJudge = (from: number, to: number) => {
      const batch = Array.from({ length: to - from }, (_, offset) => data(from + offset));
      for (const item of batch) verdicts.read(item, () => {});
      verdicts.receive(
        batch,
        batch.map((item) => verdict(item.id)),
        clusters,
      );
    };
    readAndJudge(0, 2999);
    verdicts.read(data(2999), () => {}); // waiting for its verdict
    verdicts.read(data(3000), () => {}); // past the limit: a pass keeps every judged message on the page
    expect(verdicts.get('m0')?.verdict).toBeDefined();
    expect(verdicts.get('m3000')).toBeDefined(); // the one being stored stays
    expect(verdicts.get('m2999')).toBeUndefined(); // dropped while waiting: its verdict brings it back
    readAndJudge(3001, 4501); // up to the next pass's size
    verdicts.receive([data(2999)], [verdict('m2999')], clusters); // restoring it crosses the limit again
    expect(verdicts.get('m2999')?.verdict?.id).toBe('m2999');
  });

  it('brings back a message dropped while its verdict was on the way, and keeps its elements', () => {
    const evicted: string[] = [];
    const verdicts = new Verdicts((id) => evicted.push(id));
    for (let index = 0; index < 3001; index++) verdicts.read(data(index), () => {});
    expect(verdicts.get('m0')).toBeUndefined();
    expect(evicted).toEqual([]); // no verdict yet: the elements showing m0 stay known
    const ids = verdicts.receive([data(0)], [verdict('m0')], new ClusterMemory());
    expect(ids.has('m0')).toBe(true);
    expect(verdicts.get('m0')?.verdict?.id).toBe('m0');
  });

  it('drops the least recently read messages in bulk and forgets the elements of judged ones', () => {
    const evicted: string[] = [];
    const verdicts = new Verdicts((id) => evicted.push(id));
    const clusters = new ClusterMemory();
    for (let index = 0; index < 3000; index++) verdicts.read(data(index), () => {});
    verdicts.receive([data(0), data(1)], [verdict('m0'), verdict('m1')], clusters);
    verdicts.read(data(0), () => {}); // read again: now the most recent
    verdicts.read(data(3000), () => {});
    expect(verdicts.get('m0')).toBeDefined();
    expect(verdicts.get('m1')).toBeUndefined();
    expect(verdicts.get('m301')).toBeUndefined(); // 301 dropped at once: down to 2,700
    expect(verdicts.get('m302')).toBeDefined();
    expect(evicted).toEqual(['m1']); // the others had no verdict yet
    for (let index = 3001; index < 3300; index++) verdicts.read(data(index), () => {});
    expect(verdicts.get('m302')).toBeDefined(); // no eviction until the cap is passed again
  });

  it('counts a message scrolled back into a virtualized feed once, after its entry was dropped', () => {
    const shown = new Set<string>();
    const verdicts = new Verdicts(
      () => {},
      (id) => shown.has(id),
    );
    const clusters = new ClusterMemory();
    const judge = (from: number, to: number) => {
      const batch = Array.from({ length: to - from }, (_, offset) => data(from + offset));
      for (const item of batch) verdicts.read(item, () => {});
      const judged = batch.map((item) => ({ ...verdict(item.id), canned: Number(item.id.slice(1)) % 10 === 0 }));
      verdicts.receive(batch, judged, clusters);
      for (const item of judged) if (item.canned) verdicts.countCanned(item.id);
    };
    const scroll = (from: number, to: number) => {
      for (let start = from; start < to; start += 100) judge(start, start + 100);
    };
    scroll(0, 5000); // nothing is kept on the page: the first ids are dropped
    expect(verdicts.get('m0')).toBeUndefined();
    expect(verdicts.counts).toEqual({ read: 5000, canned: 500 });
    scroll(0, 5000); // back to the top and down again
    expect(verdicts.counts).toEqual({ read: 5000, canned: 500 });
    verdicts.newPage(); // a new page counts them again
    scroll(0, 100);
    expect(verdicts.counts).toEqual({ read: 100, canned: 10 });
  });
});

describe('Verdicts counts', () => {
  it('takes a canned message off the count when it turns clean ("Not canned")', () => {
    const verdicts = new Verdicts(() => {});
    verdicts.read(data(1), () => {});
    verdicts.countCanned('m1');
    verdicts.countCanned('m1');
    expect(verdicts.counts.canned).toBe(1);
    verdicts.uncountCanned('m1');
    verdicts.uncountCanned('m1');
    expect(verdicts.counts.canned).toBe(0);
    verdicts.countCanned('m1'); // canned again
    expect(verdicts.counts.canned).toBe(1);
  });

  it('remembers a "Not canned" message only while the filter of dropped ids could count it again', () => {
    const verdicts = new Verdicts(() => {});
    for (let index = 0; index < 1_000; index++) {
      verdicts.read(data(index), () => {});
      verdicts.countCanned(`m${index}`);
      verdicts.uncountCanned(`m${index}`);
    }
    expect(verdicts.counts.canned).toBe(0);
    // The exceptions to the filter: none was needed, none is kept (a long page held one per "Not canned").
    expect((verdicts as unknown as { uncounted: Set<string> }).uncounted.size).toBe(0);
  });

  it('counts a message restored by a late verdict after a navigation once it is read on the new page', () => {
    const verdicts = new Verdicts(() => {});
    verdicts.read(data(0), () => {}); // its request goes out
    for (let index = 1; index <= 3_200; index++) verdicts.read(data(index), () => {}); // m0 dropped meanwhile
    expect(verdicts.get('m0')).toBeUndefined();
    verdicts.newPage();
    verdicts.receive([data(0)], [verdict('m0')], new ClusterMemory()); // the late answer brings it back
    expect(verdicts.counts.read).toBe(0);
    verdicts.read(data(0), () => {}); // and the new page shows it
    expect(verdicts.counts.read).toBe(1);
  });

  it('forgets messages whose request was abandoned, so the next read asks again', () => {
    const verdicts = new Verdicts(() => {});
    const queued: string[] = [];
    verdicts.read(data(1), (item) => queued.push(item.id));
    verdicts.dropUnjudged();
    verdicts.read(data(1), (item) => queued.push(item.id));
    expect(queued).toEqual(['m1', 'm1']);
    // A shell read before its text keeps a stand-in verdict; once its text is asked about, it is waiting too.
    verdicts.read({ ...data(2), text: '' }, (item) => queued.push(item.id));
    verdicts.read(data(2), (item) => queued.push(item.id));
    verdicts.dropUnjudged();
    verdicts.read(data(2), (item) => queued.push(item.id));
    expect(queued).toEqual(['m1', 'm1', 'm2', 'm2']);
  });

  it('keeps the canned count right through "Not canned" and scrolling far away and back, twice', () => {
    const verdicts = new Verdicts(() => {});
    const clusters = new ClusterMemory();
    /** What the pipeline does per message: read, verdict, then count as its decision says (clean: uncount). */
    const show = (index: number, canned: boolean, notCanned = false) => {
      verdicts.read(data(index), () => {});
      verdicts.receive([data(index)], [{ ...verdict(`m${index}`), canned }], clusters);
      if (canned && !notCanned) verdicts.countCanned(`m${index}`);
      else verdicts.uncountCanned(`m${index}`);
    };
    const scrollAway = (from: number) => {
      for (let index = from; index < from + 9_000; index++) show(index, false); // thousands of clean ones
    };
    show(0, true);
    show(1, true);
    scrollAway(10);
    show(0, true); // back: counted before, not again
    expect(verdicts.counts.canned).toBe(2);
    show(0, true, true); // "Not canned"
    expect(verdicts.counts.canned).toBe(1);
    scrollAway(10_000); // clean messages the filter wrongly claims must not take m1 off the count
    show(0, true, true);
    expect(verdicts.counts.canned).toBe(1);
  });
});

describe('ClusterMemory', () => {
  const canned = (id: string, reason: 'template' | 'repeat-sender', counts: number): ItemVerdict => ({
    ...verdict(id),
    clusterId: 'c1',
    canned: true,
    reason,
    senderCount: reason === 'template' ? 1 : counts,
    templateSenders: reason === 'template' ? counts : 1,
  });

  it('shows every copy of a template the best verdict seen, and a repeat only for its own sender', () => {
    const clusters = new ClusterMemory();
    const first = { ...verdict('m1'), clusterId: 'c1' };
    expect(clusters.effective(data(1), first)).toBe(first);
    expect(clusters.remember(data(2), canned('m2', 'template', 3))).toBe(true);
    expect(clusters.remember(data(3), canned('m3', 'template', 3))).toBe(false); // no growth
    expect(clusters.effective(data(1), first)).toMatchObject({ id: 'm1', canned: true, templateSenders: 3 });
    expect(clusters.remember(data(4), canned('m4', 'repeat-sender', 5))).toBe(true);
    expect(clusters.effective(data(4), { ...first, id: 'm5' })).toMatchObject({ id: 'm5', canned: true });
    const repeatOfOther = canned('m6', 'repeat-sender', 2);
    expect(clusters.effective({ ...data(6), sender: 's9' }, repeatOfOther)).toBe(repeatOfOther);
    expect(clusters.effective(data(4), repeatOfOther)).toMatchObject({ id: 'm6', senderCount: 5 });
  });
});
