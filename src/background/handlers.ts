/** Every message in `toBackgroundSchemas`, answered. The map is exhaustive: a missing handler fails to compile. */

import { localizedTemplates } from '../shared/i18n';
import type { ToBackground } from '../shared/messages';
import type { Handlers } from '../shared/messaging';
import { getDb } from '../store/connection';
import { listMutes } from '../store/mutes';
import { loadSettings } from '../store/settings';
import { classify } from './classify';
import { explainCopies, senderCopies, templateCopies } from './copies';
import { dataHandlers } from './handlers-data';
import { peopleHandlers } from './handlers-people';
import { listRepeatSenders } from './lists';
import { pageStateFor } from './page-state';
import { enableOnOrigin, getTabSummary, reportPageStatus } from './tabs';
import { listTemplates } from './templates-list';

const db = getDb;

export const handlers: Handlers<ToBackground> = {
  classify: (input) => classify(input),
  reportPageStatus: (input, sender) => reportPageStatus(input, sender),
  getPageState: async ({ site }) => pageStateFor(await db(), site),
  explainMessage: async ({ site, id }) => explainCopies(await db(), site, id),
  getStrings: ({ keys }) => localizedTemplates(keys),
  getTabSummary: ({ tabId }) => getTabSummary(tabId),
  listRepeatSenders: async (paging) => listRepeatSenders(await db(), paging),
  listTemplates: async (paging) =>
    listTemplates(await db(), paging, (await loadSettings()).detection.templateSenderThreshold),
  listMutes: async () => listMutes(await db()),
  getSenderCopies: async ({ site, sender }) => senderCopies(await db(), site, sender),
  getTemplateCopies: async ({ clusterId }) => templateCopies(await db(), clusterId),
  enableOnOrigin: ({ origin, tabId }) => enableOnOrigin(origin, tabId),
  ...peopleHandlers,
  ...dataHandlers,
};
