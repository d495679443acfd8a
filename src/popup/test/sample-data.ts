import type { MessageCopy, MuteRow, RepeatSenderRow, TemplateRow } from '../../shared/views';

const hour = 3_600_000;
export const now = Date.UTC(2026, 10, 25, 12);

export function makeSender(index: number, overrides: Partial<RepeatSenderRow> = {}): RepeatSenderRow {
  return {
    site: index % 3 === 0 ? 'x' : 'youtube',
    sender: `@promo${index}`,
    senderName: `Promo Account ${index}`,
    clusterId: `c${index}`,
    template: [
      { kind: 'text', value: 'Great video! Check my channel ' },
      { kind: 'slot', values: [`link${index}`, `site${index}`] },
      { kind: 'text', value: ' for more' },
    ],
    sampleText: `Great video! Check my channel link${index} for more`,
    count: 40 - (index % 40),
    sites: ['youtube'],
    firstSeen: now - 200 * hour,
    lastSeen: now - 2 * hour,
    notCanned: false,
    ...overrides,
  };
}

export const makeSenders = (count: number) => Array.from({ length: count }, (_, index) => makeSender(index));

export const sampleSenders: RepeatSenderRow[] = [
  makeSender(1, { senderName: 'Crypto Kate', sender: '@kate_gains', count: 14 }),
  makeSender(2, { senderName: 'Daily Deals', sender: '@deals247', count: 9, site: 'x' }),
];

export const sampleTemplate: TemplateRow = {
  clusterId: 'tpl1',
  template: [
    { kind: 'text', value: 'I made ' },
    { kind: 'slot', values: ['$5,000', '$7,500'] },
    { kind: 'text', value: ' last week thanks to this method' },
  ],
  sampleText: 'I made $5,000 last week thanks to this method',
  count: 48,
  senderCount: 17,
  senders: [
    { site: 'youtube', sender: '@anna', senderName: 'Anna Lee' },
    { site: 'youtube', sender: '@bob', senderName: 'Bob Ray' },
  ],
  sites: ['youtube'],
  firstSeen: now - 90 * hour,
  lastSeen: now - hour,
  notCanned: false,
};

export const sampleMute: MuteRow = {
  site: 'youtube',
  sender: '@spam',
  senderName: 'Spam Bot',
  scope: 'all',
  until: now + 20 * hour,
  createdAt: now - 4 * hour,
};

export const sampleCopies: MessageCopy[] = [
  {
    site: 'youtube',
    sender: '@kate_gains',
    senderName: 'Crypto Kate',
    id: 'm1',
    text: 'Great video! Check my channel link1 for more',
    permalink: 'https://www.youtube.com/watch?v=a&lc=m1',
    time: now - 5 * hour,
    clusterId: 'c1',
  },
  {
    site: 'youtube',
    sender: '@kate_gains',
    senderName: 'Crypto Kate',
    id: 'm2',
    text: 'Great video! Check my channel site1 for more',
    permalink: 'https://www.youtube.com/watch?v=b&lc=m2',
    time: now - 3 * hour,
    clusterId: 'c1',
    diff: [
      { kind: 'same', value: 'Great video! Check my channel ' },
      { kind: 'removed', value: 'link1' },
      { kind: 'added', value: 'site1' },
      { kind: 'same', value: ' for more' },
    ],
  },
];
