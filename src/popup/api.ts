/** The popup's only way to reach the background and the browser: a typed client over `sendToBackground`. */
import { browser } from '../shared/browser';
import { unwrapReply } from '../shared/dispatch';
import type { ToBackground } from '../shared/messages';
import { sendToBackground } from '../shared/messaging';
import type { Page, RepeatSenderRow } from '../shared/views';
import { takePrefetchedFirstPage } from './first-page';

type Call<K extends keyof ToBackground> = (
  input: Parameters<ToBackground[K]>[0],
) => Promise<ReturnType<ToBackground[K]>>;

type BackgroundCalls =
  | 'getTabSummary'
  | 'listRepeatSenders'
  | 'listTemplates'
  | 'listMutes'
  | 'getSenderCopies'
  | 'getTemplateCopies'
  | 'muteSender'
  | 'muteTemplate'
  | 'unmuteSender'
  | 'forgetSender'
  | 'markNotCanned'
  | 'unmarkNotCanned'
  | 'setSitePaused'
  | 'enableOnOrigin';

export type PopupApi = { [K in BackgroundCalls]: Call<K> } & {
  /** The tab the popup describes: `?tab=<id>` when given (e2e, popup opened as a tab), else the active tab. */
  currentTabId(): Promise<number | undefined>;
  /** Must be called synchronously from a click: browsers only grant permissions during a user gesture. */
  requestOrigin(origin: string): Promise<boolean>;
  openOptions(): Promise<void>;
};

const call =
  <K extends BackgroundCalls>(type: K): Call<K> =>
  (input) =>
    sendToBackground(type, input as never) as Promise<ReturnType<ToBackground[K]>>;

export function tabIdFromQuery(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  const id = value === null ? Number.NaN : Number(value);
  return Number.isInteger(id) ? id : undefined;
}

export const api: PopupApi = {
  getTabSummary: call('getTabSummary'),
  listRepeatSenders: (input) => {
    const prefetched = takePrefetchedFirstPage(input);
    if (!prefetched) return call('listRepeatSenders')(input);
    return prefetched.then((reply) => unwrapReply<Page<RepeatSenderRow>>('listRepeatSenders', reply));
  },
  listTemplates: call('listTemplates'),
  listMutes: call('listMutes'),
  getSenderCopies: call('getSenderCopies'),
  getTemplateCopies: call('getTemplateCopies'),
  muteSender: call('muteSender'),
  muteTemplate: call('muteTemplate'),
  unmuteSender: call('unmuteSender'),
  forgetSender: call('forgetSender'),
  markNotCanned: call('markNotCanned'),
  unmarkNotCanned: call('unmarkNotCanned'),
  setSitePaused: call('setSitePaused'),
  enableOnOrigin: call('enableOnOrigin'),
  async currentTabId() {
    const fromQuery = tabIdFromQuery(location.search);
    if (fromQuery !== undefined) return fromQuery;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  },
  requestOrigin: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
  openOptions: () => browser.runtime.openOptionsPage(),
};
