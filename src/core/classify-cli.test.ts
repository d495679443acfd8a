import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const LONG = 'Check out my channel for awesome music videos every week';

function classify(args: string[], input?: string) {
  const result = spawnSync('npx', ['tsx', 'scripts/classify.ts', ...args], { cwd: root, input, encoding: 'utf8' });
  const lines = result.stdout.split('\n').filter((line) => line !== '');
  return {
    status: result.status,
    stderr: result.stderr,
    rows: lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const line = (id: string, sender: string, text: string): string => JSON.stringify({ id, site: 'x', sender, text });

describe('scripts/classify.ts', () => {
  test('prints one verdict per message, in order, from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'classify-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, [line('1', 'a', LONG), line('2', 'a', `${LONG}!`), line('3', 'b', 'hi')].join('\n'));
    const { status, rows } = classify([file]);
    expect(status).toBe(0);
    expect(rows.map((row) => [row.id, row.canned, row.reason])).toEqual([
      ['1', false, null],
      ['2', true, 'repeat-sender'],
      ['3', false, null],
    ]);
    expect(rows[1]).toMatchObject({ senderCount: 2, templateSenders: 1, clusterId: rows[0]?.clusterId });
  });

  test('reports malformed lines on stderr with their number, skips them and exits 1', () => {
    const input = [
      line('1', 'a', LONG),
      '{bad json',
      '{"id":"2","site":"x","sender":"b"}',
      '',
      line('3', 'c', LONG),
    ].join('\n');
    const { status, stderr, rows } = classify(['-'], input);
    expect(status).toBe(1);
    expect(stderr).toMatch(/line 2: invalid JSON/);
    expect(stderr).toMatch(/line 3: field "text" must be a string/);
    expect(rows.map((row) => row.id)).toEqual(['1', '3']);
  });

  test('--summary lists repeat senders and templates after the verdicts', () => {
    const input = ['a', 'a', 'b', 'c'].map((sender, i) => line(String(i), sender, LONG)).join('\n');
    const { status, rows } = classify(['--summary', '-'], input);
    expect(status).toBe(0);
    expect(rows.slice(0, 4).every((row) => 'canned' in row)).toBe(true);
    expect(rows.slice(4)).toEqual([
      { summary: 'repeat-sender', site: 'x', sender: 'a', messages: 2, clusterIds: ['c1'] },
      { summary: 'template', clusterId: 'c1', senders: 3, messages: 4, text: LONG },
    ]);
  });

  test('--summary does not count a replayed id twice', () => {
    const ids = ['0', '1', '1', '2', '3']; // the third line replays id 1
    const input = ['a', 'a', 'a', 'b', 'c'].map((sender, i) => line(ids[i] ?? '', sender, LONG)).join('\n');
    const { rows } = classify(['--summary', '-'], input);
    expect(rows.filter((row) => 'summary' in row)).toEqual([
      { summary: 'repeat-sender', site: 'x', sender: 'a', messages: 2, clusterIds: ['c1'] },
      { summary: 'template', clusterId: 'c1', senders: 3, messages: 4, text: LONG },
    ]);
  });

  test('usage error exits 2', () => {
    expect(classify(['/no/such/file.jsonl']).status).toBe(2);
  });
});
