/**
 * Classifies a JSON Lines stream of messages with the detection engine.
 *
 *   npm run classify -- [--summary] FILE      (FILE may be `-` for stdin)
 *
 * Input: one `{"id","site","sender","text","time"?}` object per line, in arrival order. Output: one JSON line per
 * message with its verdict at arrival (`id, canned, reason, senderCount, templateSenders, clusterId, similarity,
 * matchIds, suppressed`). With `--summary`, after all verdicts, one line per repeat sender
 * (`{"summary":"repeat-sender","site","sender","messages","clusterIds"}`) and per template
 * (`{"summary":"template","clusterId","senders","messages","text"}`), largest first. A malformed line is
 * reported on stderr with its line number and skipped; the exit code is then 1 (2 for a usage error).
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createEngine, type ObservedMessage, type Verdict } from '../src/core/index';

type Parsed = { message: ObservedMessage } | { error: string };

function parseLine(line: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `invalid JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  const record = value as Record<string, unknown>;
  for (const field of ['id', 'site', 'sender', 'text']) {
    if (typeof record[field] !== 'string') return { error: `field "${field}" must be a string` };
  }
  if (record.time !== undefined && (typeof record.time !== 'number' || !Number.isFinite(record.time))) {
    return { error: 'field "time" must be a finite number when present' };
  }
  return { message: record as unknown as ObservedMessage };
}

/** Repeat senders and templates seen in the stream; every message of a template's cluster is counted. */
class Summary {
  private readonly seen = new Set<string>();
  private readonly repeats = new Map<
    string,
    { site: string; sender: string; messages: number; clusterIds: Set<string> }
  >();
  private readonly clusters = new Map<
    string,
    { senders: Set<string>; messages: number; text: string; isTemplate: boolean }
  >();

  add(message: ObservedMessage, verdict: Verdict): void {
    const messageKey = `${message.site}\u0000${message.id}`;
    if (this.seen.has(messageKey)) return; // a replayed id is not a new message (the engine agrees)
    this.seen.add(messageKey);
    const senderKey = `${message.site}\u0000${message.sender}`;
    const cluster = this.clusters.get(verdict.clusterId) ?? {
      senders: new Set<string>(),
      messages: 0,
      text: message.text.slice(0, 200),
      isTemplate: false,
    };
    cluster.messages++;
    cluster.senders.add(senderKey);
    cluster.isTemplate ||= verdict.reason === 'template';
    this.clusters.set(verdict.clusterId, cluster);
    if (verdict.reason !== 'repeat-sender') return;
    const entry = this.repeats.get(senderKey) ?? {
      site: message.site,
      sender: message.sender,
      messages: 0,
      clusterIds: new Set(),
    };
    entry.messages = Math.max(entry.messages, verdict.senderCount);
    entry.clusterIds.add(verdict.clusterId);
    this.repeats.set(senderKey, entry);
  }

  print(): void {
    const repeats = [...this.repeats.values()].sort((a, b) => b.messages - a.messages);
    for (const { clusterIds, ...rest } of repeats) {
      console.log(JSON.stringify({ summary: 'repeat-sender', ...rest, clusterIds: [...clusterIds] }));
    }
    const templates = [...this.clusters].filter(([, entry]) => entry.isTemplate);
    templates.sort((a, b) => b[1].senders.size - a[1].senders.size);
    for (const [clusterId, { senders, messages, text }] of templates) {
      console.log(JSON.stringify({ summary: 'template', clusterId, senders: senders.size, messages, text }));
    }
  }
}

async function main(args: string[]): Promise<number> {
  const wantsSummary = args.includes('--summary');
  const files = args.filter((arg) => arg !== '--summary');
  const file = files[0];
  if (files.length !== 1 || file === undefined || (file !== '-' && !existsSync(file))) {
    console.error(
      'usage: npm run classify -- [--summary] FILE|-   (JSON Lines: {"id","site","sender","text","time"?})',
    );
    return 2;
  }
  const input = file === '-' ? process.stdin : createReadStream(file, 'utf8');
  const engine = createEngine();
  const summary = new Summary();
  let lineNumber = 0;
  let errors = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if ('error' in parsed) {
      errors++;
      console.error(`line ${lineNumber}: ${parsed.error}; skipped`);
      continue;
    }
    const verdict = engine.observe(parsed.message);
    const { id, canned, reason, senderCount, templateSenders, clusterId, similarity, matchIds, suppressed } = verdict;
    console.log(
      JSON.stringify({ id, canned, reason, senderCount, templateSenders, clusterId, similarity, matchIds, suppressed }),
    );
    if (wantsSummary) summary.add(parsed.message, verdict);
  }
  if (wantsSummary) summary.print();
  return errors > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
