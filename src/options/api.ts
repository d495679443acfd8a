/** The options page's only way to reach the background: a typed client over `sendToBackground`. */
import type { ToBackground } from '../shared/messages';
import { sendToBackground } from '../shared/messaging';

type Call<K extends keyof ToBackground> = (
  input: Parameters<ToBackground[K]>[0],
) => Promise<ReturnType<ToBackground[K]>>;
type OptionsCalls = 'getSettings' | 'updateSettings' | 'getStatus' | 'exportData' | 'importData' | 'clearAllData';

export type OptionsApi = { [K in OptionsCalls]: Call<K> };

const call =
  <K extends OptionsCalls>(type: K): Call<K> =>
  (input) =>
    sendToBackground(type, input as never) as Promise<ReturnType<ToBackground[K]>>;

export const api: OptionsApi = {
  getSettings: call('getSettings'),
  updateSettings: call('updateSettings'),
  getStatus: call('getStatus'),
  exportData: call('exportData'),
  importData: call('importData'),
  clearAllData: call('clearAllData'),
};
