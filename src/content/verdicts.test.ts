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
});
