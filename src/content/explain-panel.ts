/**
 * The chip's explanation: earlier copies of the text, with the words that differ from the first copy highlighted
 * (added words marked, removed ones struck through), and how this message differs from that first copy. Page text
 * goes in with textContent only.
 */
import type { DiffPart, ItemVerdict, MessageCopy } from '../shared/views';
import type { ItemData } from './adapters/define-adapter';
import { t } from './i18n';
import { place } from './popover';

export function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text = '', className = '') {
  const node = doc.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const changed = (diff: readonly DiffPart[] | undefined) => diff?.some((part) => part.kind !== 'same') ?? false;

/** A text with its diff parts: same words plain, added words marked, removed words struck through. */
function diffText(doc: Document, text: string, diff: readonly DiffPart[] | undefined): HTMLElement {
  const out = element(doc, 'span', '', 'text');
  if (!diff) {
    out.textContent = text;
    return out;
  }
  diff.forEach((part, index) => {
    if (index > 0) out.append(' ');
    if (part.kind === 'same') out.append(part.value);
    else if (part.kind === 'added') out.append(element(doc, 'mark', part.value, 'added'));
    else out.append(element(doc, 's', part.value, 'removed'));
  });
  return out;
}

/** Undefined for a link the URL parser rejects (history imported from a file may hold anything). */
function hostOf(link: string): string | undefined {
  try {
    return new URL(link).hostname;
  } catch {
    return undefined;
  }
}

function copyItem(doc: Document, copy: MessageCopy): HTMLLIElement {
  const item = element(doc, 'li');
  const who = element(doc, 'span', copy.senderName ?? copy.sender, 'who');
  const time = new Date(copy.time).toLocaleString();
  const when = element(doc, 'span', ` · ${copy.seen ? t('explainSeen', time) : time}`, 'when');
  item.append(who, when, diffText(doc, copy.text, copy.diff));
  const host = copy.permalink?.startsWith('https://') ? hostOf(copy.permalink) : undefined;
  if (copy.permalink && host) {
    // The host names the site plainly ("x.com"; a bare "x" read as a close button).
    const link = element(doc, 'a', host.replace(/^www\./, ''), 'when');
    link.href = copy.permalink;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    item.append(link);
  }
  return item;
}

export function fillPanel(
  doc: Document,
  panel: HTMLElement,
  data: ItemData,
  verdict: ItemVerdict,
  copies: MessageCopy[],
): void {
  const name = data.senderName ?? data.sender;
  const intro =
    verdict.reason === 'template'
      ? t('explainTemplate', verdict.templateSenders)
      : t('explainRepeat', name, verdict.senderCount);
  const others = copies.filter((copy) => copy.id !== data.id).slice(0, 5);
  const own = copies.find((copy) => copy.id === data.id);
  const list = element(doc, 'ol');
  for (const copy of others) list.append(copyItem(doc, copy));
  const parts: HTMLElement[] = [element(doc, 'p', intro)];
  parts.push(others.length ? list : element(doc, 'p', t('explainEmpty'), 'note'));
  if (own && changed(own.diff)) {
    const mine = element(doc, 'p', '', 'this-one');
    mine.append(element(doc, 'span', t('explainThisOne'), 'note'), diffText(doc, own.text, own.diff));
    parts.push(mine);
  }
  if (changed(own?.diff) || others.some((copy) => changed(copy.diff)))
    parts.push(element(doc, 'p', t('explainLegend'), 'note legend'));
  const hideCanned = element(doc, 'button', t('muteCannedOnly'), 'mute-canned');
  hideCanned.type = 'button';
  panel.replaceChildren(...parts, hideCanned);
  place(panel);
}
