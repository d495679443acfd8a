/**
 * The controls on a flagged message: a chip that explains itself on click, "Mute repeat sender" and "Not canned".
 * Page text is data: everything goes in with textContent, never innerHTML.
 */
import type { DiffPart, ItemVerdict, MessageCopy, MuteScope } from '../shared/views';
import type { ItemData } from './adapters/define-adapter';
import { t } from './i18n';
import { createHost, isolate } from './isolate';
import { hidePanel, place, showPanel } from './popover';
import { shadowCss } from './styles';

export const controlsTag = 'uncanned-controls';

export interface ControlActions {
  mute(data: ItemData, scope: MuteScope): void;
  notCanned(data: ItemData, verdict: ItemVerdict): void;
  explain(data: ItemData): Promise<MessageCopy[]>;
}

/** The latest verdict per controls host: later copies raise the counts shown by the chip and its panel. */
const verdicts = new WeakMap<Element, ItemVerdict>();

export const chipLabel = (verdict: ItemVerdict): string =>
  verdict.reason === 'template' ? t('chipTemplate', verdict.templateSenders) : t('chipRepeat', verdict.senderCount);

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text = '', className = '') {
  const node = doc.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function createControls(
  doc: Document,
  data: ItemData,
  verdict: ItemVerdict,
  actions: ControlActions,
  theme: 'light' | 'dark',
): HTMLElement {
  const { host, root } = createHost(doc, controlsTag, shadowCss);
  verdicts.set(host, verdict);
  host.setAttribute('data-uncanned-for', data.id);
  host.setAttribute('data-theme', theme);
  const bar = element(doc, 'span', '', 'bar');
  const chip = element(doc, 'button', chipLabel(verdict), 'chip');
  chip.type = 'button';
  chip.title = t('chipTitle');
  chip.setAttribute('aria-expanded', 'false');
  const mute = element(doc, 'button', t('muteShort'), 'mute');
  mute.setAttribute('aria-label', t('muteSender')); // the accessible name tests and screen readers use
  const notCanned = element(doc, 'button', t('notCanned'), 'not-canned');
  const panel = element(doc, 'div', '', 'panel');
  panel.hidden = true;
  panel.id = 'explanation';
  chip.setAttribute('aria-controls', panel.id);
  for (const button of [chip, mute, notCanned]) button.type = 'button';
  bar.append(chip, mute, notCanned);
  root.append(bar, panel);

  isolate(host, (button) => {
    const current = verdicts.get(host) ?? verdict;
    if (button === chip) togglePanel(doc, host, chip, panel, data, current, actions);
    else if (button === mute) actions.mute(data, 'all');
    else if (button === notCanned) actions.notCanned(data, current);
    else if (button.classList.contains('mute-canned')) actions.mute(data, 'canned');
  });
  return host;
}

/** Keeps the chip's count current when a later verdict for the same message differs. */
export function updateControls(host: Element, verdict: ItemVerdict): void {
  verdicts.set(host, verdict);
  const chip = host.shadowRoot?.querySelector('.chip');
  const label = chipLabel(verdict);
  if (chip && chip.textContent !== label) chip.textContent = label;
}

function togglePanel(
  doc: Document,
  host: HTMLElement,
  chip: HTMLButtonElement,
  panel: HTMLElement,
  data: ItemData,
  verdict: ItemVerdict,
  actions: ControlActions,
): void {
  const open = chip.getAttribute('aria-expanded') !== 'true';
  chip.setAttribute('aria-expanded', String(open));
  host.toggleAttribute('data-open', open);
  if (open) showPanel(panel, chip);
  else hidePanel(panel);
  if (!open || panel.childElementCount > 0) return;
  panel.append(element(doc, 'p', t('explainLoading'), 'note'));
  actions.explain(data).then(
    (copies) => fillPanel(doc, panel, data, verdict, copies),
    () => {
      panel.replaceChildren(element(doc, 'p', t('explainError'), 'note'));
      place(panel);
    },
  );
}

function fillPanel(doc: Document, panel: HTMLElement, data: ItemData, verdict: ItemVerdict, copies: MessageCopy[]) {
  const name = data.senderName ?? data.sender;
  const intro =
    verdict.reason === 'template'
      ? t('explainTemplate', verdict.templateSenders)
      : t('explainRepeat', name, verdict.senderCount);
  const others = copies.filter((copy) => copy.id !== data.id).slice(0, 5);
  const list = element(doc, 'ol');
  for (const copy of others) list.append(copyItem(doc, copy));
  const hideCanned = element(doc, 'button', t('muteCannedOnly'), 'mute-canned');
  hideCanned.type = 'button';
  panel.replaceChildren(
    element(doc, 'p', intro),
    others.length ? list : element(doc, 'p', t('explainEmpty'), 'note'),
    hideCanned,
  );
  place(panel);
}

function copyItem(doc: Document, copy: MessageCopy): HTMLLIElement {
  const item = element(doc, 'li');
  const who = element(doc, 'span', copy.senderName ?? copy.sender, 'who');
  const when = element(doc, 'span', ` · ${new Date(copy.time).toLocaleString()}`, 'when');
  const text = element(doc, 'span', '', 'text');
  for (const part of copy.diff ?? [{ kind: 'same', value: copy.text } satisfies DiffPart]) {
    const tag = part.kind === 'added' ? 'ins' : part.kind === 'removed' ? 'del' : 'span';
    text.append(element(doc, tag, part.value));
    text.append(' ');
  }
  item.append(who, when, text);
  if (copy.permalink?.startsWith('https://')) {
    const link = element(doc, 'a', copy.site, 'when');
    link.href = copy.permalink;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    item.append(link);
  }
  return item;
}
