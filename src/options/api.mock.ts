/** In-memory OptionsApi for component tests: settings are validated like the background does. */
import { defaultSettings, type Settings, validateSettings } from '../shared/settings';
import type { ImportSummary, StoreStatus } from '../shared/views';
import type { OptionsApi } from './api';

export interface OptionsMockData {
  settings?: Settings;
  status?: StoreStatus;
  importResult?: ImportSummary;
  failing?: { names: (keyof OptionsApi)[]; message: string };
}

export function createOptionsMock(
  data: OptionsMockData = {},
): OptionsApi & { state: { settings: Settings; status: StoreStatus } } {
  const state = {
    settings: structuredClone(data.settings ?? defaultSettings),
    status: data.status ?? { messages: 1234, senders: 56, quotaWarning: null },
  };
  const api: OptionsApi = {
    getSettings: async () => structuredClone(state.settings),
    async updateSettings({ settings }) {
      state.settings = validateSettings({ ...state.settings, ...settings });
      return structuredClone(state.settings);
    },
    getStatus: async () => ({ ...state.status }),
    exportData: async ({ includeHistory }) => ({
      json: JSON.stringify({ format: 'uncanned-export', includeHistory, settings: state.settings }),
      fileName: 'uncanned-export.json',
    }),
    async importData({ json }) {
      JSON.parse(json);
      return data.importResult ?? { mutes: 0, feedback: 0, settings: false, messages: 0 };
    },
    async clearAllData() {
      state.settings = structuredClone(defaultSettings);
      state.status = { messages: 0, senders: 0, quotaWarning: null };
    },
  };
  const wrapped = { ...api } as Record<string, unknown>;
  for (const name of data.failing?.names ?? []) {
    wrapped[name] = async () => {
      throw new Error(data.failing?.message);
    };
  }
  return Object.assign(wrapped as OptionsApi, { state });
}
