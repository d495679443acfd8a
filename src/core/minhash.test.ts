import { describe, expect, test } from 'vitest';
import { BANDS, LshIndex } from './lsh-index';
import { estimateJaccard, SIGNATURE_SIZE, shingleHashes, writeSignature } from './minhash';

function signatures(keys: string[]): Uint8Array {
  const sigs = new Uint8Array(keys.length * SIGNATURE_SIZE);
  keys.forEach((key, i) => {
    expect(writeSignature(key, sigs, i * SIGNATURE_SIZE)).toBe(true);
  });
  return sigs;
}

describe('minhash', () => {
  test('short keys get no signature', () => {
    expect(writeSignature('too short', new Uint8Array(SIGNATURE_SIZE), 0)).toBe(false);
  });
  test('one 4-gram per position of the padded key', () => {
    expect(shingleHashes('abcdef').length).toBe(5);
  });
  test('Jaccard estimate: identical 1, near copies high, unrelated low', () => {
    const sigs = signatures([
      'check out my channel for awesome music videos',
      'check out my channel for awesome music videos',
      'check out my chanel for awesome music video pls',
      'the treaty of versailles was signed in june',
    ]);
    expect(estimateJaccard(sigs, 0, SIGNATURE_SIZE)).toBe(1);
    expect(estimateJaccard(sigs, 0, 2 * SIGNATURE_SIZE)).toBeGreaterThan(0.4);
    expect(estimateJaccard(sigs, 0, 3 * SIGNATURE_SIZE)).toBeLessThan(0.2);
  });
});

describe('LshIndex', () => {
  test('finds near copies and not unrelated texts, across rehashes', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `ordinary comment number ${i} about topic ${i * 7919}`);
    keys.push(
      'subscribe to my channel for daily crypto signals now',
      'subscribe to my chanel for daily crypto signal now',
    );
    const sigs = signatures(keys);
    const index = new LshIndex(16);
    for (let i = 0; i < keys.length - 1; i++) index.insert(sigs, i);
    const found: number[] = [];
    index.forEachCandidate(sigs, keys.length - 1, new Set(), (id) => found.push(id));
    expect(found).toContain(keys.length - 2);
    expect(found.length).toBeLessThan(20);
  });
  test('save and load keep the candidates', () => {
    const keys = ['a fairly long key for hashing one', 'a fairly long key for hashing two'];
    const sigs = signatures(keys);
    const index = new LshIndex(4);
    index.insert(sigs, 0);
    const loaded = LshIndex.load(index.save(1), 4);
    const found: number[] = [];
    loaded.forEachCandidate(sigs, 1, new Set(), (id) => found.push(id));
    expect(found).toEqual([0]);
    expect(BANDS * 4).toBe(SIGNATURE_SIZE);
  });
});
