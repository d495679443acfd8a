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
  chip.id = 'chip';
  chip.title = t('chipTitle');
  chip.setAttribute('aria-expanded', 'false');
  const mute = element(doc, 'button', t('muteShort'), 'mute');
  mute.setAttribute('aria-label', t('muteSender')); // the accessible name tests and screen readers use
  const notCanned = element(doc, 'button', t('notCanned'), 'not-canned');
  const panel = element(doc, 'div', '', 'panel');
  panel.hidden = true;
  panel.id = 'explanation';
  // Focusable, so a click on its text keeps the focus inside: the post around us (a link, X's article) would take
  // it, and losing it closes the panel under the pointer, whose click then lands on the site.
  panel.tabIndex = -1;
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-labelledby', chip.id);
  chip.setAttribute('aria-controls', panel.id);
  for (const button of [chip, mute, notCanned]) button.type = 'button';
  bar.append(chip, panel, mute, notCanned); // the panel's links come right after the chip in the tab order
  root.append(bar);

  isolate(host, (button) => {
    const current = verdicts.get(host) ?? verdict;
    if (button === chip) togglePanel(doc, host, chip, panel, data, current, actions, !isOpen(chip));
    else if (button === notCanned) {
      close();
      actions.notCanned(data, current);
    } else if (button === mute || button.classList.contains('mute-canned')) {
      if (doc.activeElement === host) returnFocusToStub(data.id);
      close(); // the message is hidden now: its panel must not come back with "Show"
      absorbSecondClick(doc);
      actions.mute(data, button === mute ? 'all' : 'canned');
    }
  });
  function close() {
    togglePanel(doc, host, chip, panel, data, verdict, actions, false);
  }
  // Capture phase, on the host: before the buttons inside. Escape that closes nothing goes on to the site; one that
  // closed the panel is ours, its keyup too (a site may close its dialog on keyup).
  let isOwnEscape = false;
  host.addEventListener(
    'keydown',
    (event) => {
      isOwnEscape = event.key === 'Escape' && isOpen(chip);
      if (!isOwnEscape) return;
      event.stopPropagation();
      close();
      chip.focus();
    },
    true,
  );
  host.addEventListener(
    'keyup',
    (event) => {
      if (event.key === 'Escape' && isOwnEscape) event.stopPropagation();
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

/**
 * The message collapses under the pointer at the first click on Mute; the second click of a double click would
 * land on the next post (a link, a quoted card). For half a second, such a second click goes nowhere.
 */
function absorbSecondClick(doc: Document): void {
  const absorb = (event: MouseEvent) => {
    if (event.detail < 2) return;
    event.stopPropagation();
    event.preventDefault();
  };
  for (const type of ['click', 'dblclick'] as const) doc.addEventListener(type, absorb, true);
  setTimeout(() => {
    for (const type of ['click', 'dblclick'] as const) doc.removeEventListener(type, absorb, true);
  }, 500);
}

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
  // Closed when its chip leaves the window (scrolled away, removed): it would float over other messages.
  showPanel(panel, chip, () => togglePanel(doc, host, chip, panel, data, verdict, actions, false));
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
