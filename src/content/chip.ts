/**
 * The controls on a flagged message: a chip that explains itself on click, "Mute repeat sender" and "Not canned".
 * Page text is data: everything goes in with textContent, never innerHTML.
 */
import type { ItemVerdict, MessageCopy, MuteScope } from '../shared/views';
import type { ItemData } from './adapters/define-adapter';
import { element, fillPanel } from './explain-panel';
import { t } from './i18n';
import { createHost, isolate } from './isolate';
import { hidePanel, place, showPanel } from './popover';
import { returnFocusToStub } from './stub';
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
    if (button === chip) togglePanel(doc, host, chip, panel, data, current, actions, !isOpen(chip));
    else if (button === notCanned) actions.notCanned(data, current);
    else if (button === mute || button.classList.contains('mute-canned')) {
      if (doc.activeElement === host) returnFocusToStub(data.id);
      actions.mute(data, button === mute ? 'all' : 'canned');
    }
  });
  const close = () => togglePanel(doc, host, chip, panel, data, verdict, actions, false);
  // Capture phase: isolate() stops key events at the host, before they reach the buttons inside.
  host.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || !isOpen(chip)) return;
      close();
      chip.focus();
    },
    true,
  );
  // Focus moving on to the site closes the panel too (a click elsewhere does: see togglePanel).
  host.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null; // null: focus left the window or went nowhere
    if (next && next !== host && !host.contains(next) && isOpen(chip)) close();
  });
  return host;
}

const isOpen = (chip: Element) => chip.getAttribute('aria-expanded') === 'true';

/** The close-on-click-elsewhere listener of each open panel's host. */
const outsideListeners = new WeakMap<Element, (event: Event) => void>();

/**
 * Label changes wait and are written together at most once a second: while a long page is being classified the
 * counts climb with every batch, and each text change makes the browser lay out the whole list again.
 */
const labels = new Map<Element, string>();
let labelTimer: ReturnType<typeof setTimeout> | undefined;

function writeLabels(): void {
  labelTimer = undefined;
  for (const [host, label] of labels) {
    const chip = host.shadowRoot?.querySelector('.chip');
    if (chip && chip.textContent !== label) chip.textContent = label;
  }
  labels.clear();
}

/** Keeps the chip's count current when a later verdict for the same message differs. */
export function updateControls(host: Element, verdict: ItemVerdict): void {
  verdicts.set(host, verdict);
  const label = chipLabel(verdict);
  if (host.shadowRoot?.querySelector('.chip')?.textContent === label) labels.delete(host);
  else labels.set(host, label);
  if (labels.size > 0 && labelTimer === undefined) labelTimer = setTimeout(writeLabels, 1000);
}

function togglePanel(
  doc: Document,
  host: HTMLElement,
  chip: HTMLButtonElement,
  panel: HTMLElement,
  data: ItemData,
  verdict: ItemVerdict,
  actions: ControlActions,
  open: boolean,
): void {
  chip.setAttribute('aria-expanded', String(open));
  host.toggleAttribute('data-open', open);
  const previous = outsideListeners.get(host);
  if (previous) doc.removeEventListener('pointerdown', previous, true);
  outsideListeners.delete(host);
  if (!open) {
    hidePanel(panel);
    return;
  }
  const outside = (event: Event) => {
    if (!event.composedPath().includes(host)) togglePanel(doc, host, chip, panel, data, verdict, actions, false);
  };
  doc.addEventListener('pointerdown', outside, true);
  outsideListeners.set(host, outside);
  showPanel(panel, chip);
  if (panel.childElementCount > 0) return;
  panel.append(element(doc, 'p', t('explainLoading'), 'note'));
  actions
    .explain(data)
    .then((copies) => fillPanel(doc, panel, data, verdict, copies))
    .catch(() => {
      // Also when filling failed: the panel must not stay on "Loading…".
      panel.replaceChildren(element(doc, 'p', t('explainError'), 'note'));
      place(panel);
    });
}
