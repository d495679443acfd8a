/**
 * Loaders for the shared datasets (../shared/datasets relative to the repo root). They return undefined when
 * the data is absent, so tests and benchmarks can skip cleanly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvRecords } from './csv';

/** Repository root (this file lives in bench/lib). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the datasets live, relative to the repo root. */
export const datasetsDir = resolve(repoRoot, '../shared/datasets');

/** One YouTube comment, in file and row order. */
export interface YoutubeComment {
  readonly id: string;
  readonly author: string;
  readonly text: string;
  readonly spam: boolean;
  readonly file: string;
}

const YOUTUBE_FILES = [
  'Youtube01-Psy',
  'Youtube02-KatyPerry',
  'Youtube03-LMFAO',
  'Youtube04-Eminem',
  'Youtube05-Shakira',
];

/** True when every YouTube file is present. */
export function hasYoutube(): boolean {
  return YOUTUBE_FILES.every((name) => existsSync(join(datasetsDir, 'youtube-spam', `${name}.csv`)));
}

/** The five YouTube Spam Collection files 01..05 in row order; CONTENT is raw (entities not decoded). */
export function loadYoutube(): YoutubeComment[] | undefined {
  if (!hasYoutube()) return undefined;
  return YOUTUBE_FILES.flatMap((file) =>
    parseCsvRecords(readFileSync(join(datasetsDir, 'youtube-spam', `${file}.csv`), 'utf8')).map((row) => ({
      id: row.COMMENT_ID ?? '',
      author: row.AUTHOR ?? '',
      text: row.CONTENT ?? '',
      spam: row.CLASS === '1',
      file,
    })),
  );
}

/** SMS Spam Collection as `{spam, text}`; undefined when absent. */
export function loadSms(): { spam: boolean; text: string }[] | undefined {
  const path = join(datasetsDir, 'sms-spam', 'SMSSpamCollection');
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const tab = line.indexOf('\t');
      return { spam: line.slice(0, tab) === 'spam', text: line.slice(tab + 1) };
    });
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the XML attribute escapes of the data dump (the HTML inside is left for the engine). */
function decodeXmlAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return XML_ENTITIES[name.toLowerCase()] ?? '';
  });
}

/** Stack Exchange History comments (`row` attributes Id, Text, UserId), in file order; undefined when absent. */
export function loadStackExchange(): { id: string; user: string; text: string }[] | undefined {
  const path = join(datasetsDir, 'stackexchange-history', 'Comments.xml');
  if (!existsSync(path)) return undefined;
  const rows: { id: string; user: string; text: string }[] = [];
  for (const match of readFileSync(path, 'utf8').matchAll(/<row\s([^>]*)\/>/g)) {
    const attrs = new Map<string, string>();
    for (const attr of (match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)) attrs.set(attr[1] ?? '', attr[2] ?? '');
    const user = attrs.get('UserId') ?? `name:${attrs.get('UserDisplayName') ?? 'anonymous'}`;
    rows.push({ id: attrs.get('Id') ?? '', user, text: decodeXmlAttribute(attrs.get('Text') ?? '') });
  }
  return rows;
}
