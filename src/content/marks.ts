/**
 * Writes a decision onto the page: the data-uncanned hooks, the controls and the stub. Every write checks the
 * current value first, so re-applying the same decision causes no mutations (and no observer feedback loop).
 */
import type { ItemVerdict } from '../shared/views';
import { type ItemData, joinSelector, type SiteAdapter } from './adapters/define-adapter';
import { type ControlActions, controlsTag, createControls, updateControls } from './chip';
import type { Decision } from './decide';
import { pickOwn } from './extract';
import { t } from './i18n';
import { themeFor } from './isolate';
import { createStub, findStub } from './stub';

export const hooks = ['data-uncanned', 'data-uncanned-hidden', 'data-uncanned-id', 'data-uncanned-revealed'] as const;

export interface MarkContext {
  adapter: SiteAdapter;
  actions: ControlActions;
  onShow(id: string): void;
}

function setAttribute(element: Element, name: string, value: string | undefined): void {
  if (value === undefined) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** Our controls that belong to this item (not to a nested reply). */
function ownControls(item: Element, itemSelector: string): Element[] {
  return [...item.querySelectorAll(controlsTag)].filter((host) => host.closest(itemSelector) === item);
}

export function applyMarks(
  item: Element,
  data: ItemData,
  verdict: ItemVerdict | undefined,
  decision: Decision,
  context: MarkContext,
): void {
  const itemSelector = joinSelector(context.adapter.item);
  setAttribute(item, 'data-uncanned', decision.judged);
  setAttribute(item, 'data-uncanned-hidden', decision.hidden);
  const controls = ownControls(item, itemSelector);
  if (decision.judged === 'canned' && verdict) {
    const current = controls.find((host) => host.getAttribute('data-uncanned-for') === data.id);
    for (const host of controls) if (host !== current) host.remove();
    if (current) updateControls(current, verdict);
    else insertControls(item, data, verdict, context, itemSelector);
  } else for (const host of controls) host.remove();

  const stub = findStub(item, data.id);
  if (decision.hidden && decision.mode === 'collapse') {
    if (!stub) {
      const name = data.senderName ?? data.sender;
      const label = decision.hidden === 'muted' ? t('stubMuted', name) : t('stubCanned', name);
      item.before(createStub(item, data.id, label, themeFor(item), () => context.onShow(data.id)));
    }
  } else stub?.remove();
}

function insertControls(
  item: Element,
  data: ItemData,
  verdict: ItemVerdict,
  context: MarkContext,
  itemSelector: string,
): void {
  const slot = pickOwn(item, context.adapter.slot, itemSelector);
  const text = pickOwn(item, context.adapter.text, itemSelector);
  const anchor = slot ?? text?.parentElement ?? item;
  const host = createControls(item.ownerDocument, data, verdict, context.actions, themeFor(anchor));
  if (slot) slot.append(host);
  else if (text) text.after(host);
  else item.append(host);
}

/** Removes everything we added to an item, e.g. when a virtualized list re-uses it for another message. */
export function clearMarks(item: Element, itemSelector: string): void {
  for (const name of hooks) setAttribute(item, name, undefined);
  for (const host of ownControls(item, itemSelector)) host.remove();
  const previous = item.previousElementSibling;
  if (previous?.hasAttribute('data-uncanned-stub-for')) previous.remove();
}
