/** In-memory PopupApi with the background's semantics, for component tests and the benchmark. */
import type { MessageCopy, MuteRow, Page, RepeatSenderRow, TabSummary, TemplateRow } from '../shared/views';
import type { PopupApi } from './api';

export interface MockData {
  tabId?: number;
  summary?: TabSummary;
  senders?: RepeatSenderRow[];
  templates?: TemplateRow[];
  mutes?: MuteRow[];
  copies?: MessageCopy[];
  permissionGranted?: boolean;
  /** Every call of these names rejects with this error. */
  failing?: { names: (keyof PopupApi)[]; message: string };
}

const matches = (query: string, ...fields: (string | undefined)[]) =>
  fields.some((field) => field?.toLowerCase().includes(query.toLowerCase()));

function page<T>(rows: T[], offset: number, limit: number): Page<T> {
  return { total: rows.length, items: rows.slice(offset, offset + limit) };
}

export function createMockApi(data: MockData = {}): PopupApi & { data: Required<Omit<MockData, 'failing'>> } {
  const state = {
    tabId: data.tabId ?? 7,
    summary: data.summary ?? { tabId: 7, site: 'youtube', status: 'active', read: 0, canned: 0, hidden: 0 },
    senders: data.senders ?? [],
    templates: data.templates ?? [],
    mutes: data.mutes ?? [],
    copies: data.copies ?? [],
    permissionGranted: data.permissionGranted ?? true,
  } satisfies Required<Omit<MockData, 'failing'>>;
  const findSender = (site: string, sender: string) =>
    state.senders.find((row) => row.site === site && row.sender === sender);
  const api: PopupApi = {
    currentTabId: async () => state.tabId,
    getTabSummary: async () => ({ ...state.summary }),
    listRepeatSenders: async ({ query, offset, limit }) =>
      page(
        state.senders.filter((row) => !query || matches(query, row.senderName, row.sender, row.sampleText, row.site)),
        offset,
        limit,
      ),
    listTemplates: async ({ query, offset, limit }) =>
      page(
        state.templates.filter(
          (row) => !query || matches(query, row.sampleText, ...row.senders.map((s) => s.senderName)),
        ),
        offset,
        limit,
      ),
    listMutes: async () => [...state.mutes],
    getSenderCopies: async ({ site, sender }) => state.copies.filter((c) => c.site === site && c.sender === sender),
    getTemplateCopies: async ({ clusterId }) => state.copies.filter((copy) => copy.clusterId === clusterId),
    async muteSender({ site, sender, senderName, scope, until }) {
      state.mutes = state.mutes.filter((mute) => !(mute.site === site && mute.sender === sender));
      state.mutes.push({ site, sender, senderName, scope, until, createdAt: Date.now() });
      const row = findSender(site, sender);
      if (row) row.mute = { scope, until };
    },
    async muteTemplate({ clusterId, until }) {
      const template = state.templates.find((row) => row.clusterId === clusterId);
      for (const { site, sender, senderName } of template?.senders ?? []) {
        await api.muteSender({ site, sender, senderName, scope: 'all', until });
      }
    },
    async unmuteSender({ site, sender }) {
      state.mutes = state.mutes.filter((mute) => !(mute.site === site && mute.sender === sender));
      const row = findSender(site, sender);
      if (row) row.mute = undefined;
    },
    async forgetSender({ site, sender }) {
      state.senders = state.senders.filter((row) => !(row.site === site && row.sender === sender));
    },
    markNotCanned: async ({ target }) => setNotCanned(state, target, true),
    unmarkNotCanned: async ({ target }) => setNotCanned(state, target, false),
    async setSitePaused({ paused }) {
      state.summary = { ...state.summary, status: paused ? 'paused' : 'active' };
    },
    async enableOnOrigin() {
      state.summary = { ...state.summary, status: 'no-messages' };
    },
    requestOrigin: async () => state.permissionGranted,
    openOptions: async () => {},
  };
  return Object.assign(withFailures(api, data.failing), { data: state });
}

type Target = Parameters<PopupApi['markNotCanned']>[0]['target'];

function setNotCanned(state: { senders: RepeatSenderRow[]; templates: TemplateRow[] }, target: Target, value: boolean) {
  const rows =
    target.kind === 'sender'
      ? state.senders.filter((row) => row.site === target.site && row.sender === target.sender)
      : state.templates.filter((row) => row.clusterId === target.clusterId);
  for (const row of rows) row.notCanned = value;
}

function withFailures(api: PopupApi, failing: MockData['failing']): PopupApi {
  if (!failing) return api;
  const wrapped = { ...api } as Record<string, unknown>;
  for (const name of failing.names) {
    wrapped[name] = async () => {
      throw new Error(failing.message);
    };
  }
  return wrapped as PopupApi;
}
