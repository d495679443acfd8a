/**
 * What content scripts reported per tab. Kept in `storage.session` (cleared when the browser closes, survives a
 * worker restart); where that area is missing, in memory backed by the IndexedDB `tabs` store.
 */
import { browser } from '../shared/browser';
import type { Db } from './db';
import type { TabRecord } from './schema';

const key = (tabId: number) => `tab.${tabId}`;
const memory = new Map<number, TabRecord>();

const sessionArea = () => (browser.storage as { session?: typeof browser.storage.local }).session;

export async function putTabStatus(db: Db, record: TabRecord): Promise<void> {
  const session = sessionArea();
  if (session) return session.set({ [key(record.tabId)]: record });
  memory.set(record.tabId, record);
  await db.put('tabs', record);
}

export async function getTabStatus(db: Db, tabId: number): Promise<TabRecord | undefined> {
  const session = sessionArea();
  if (session) return (await session.get(key(tabId)))[key(tabId)] as TabRecord | undefined;
  const cached = memory.get(tabId);
  if (cached) return cached;
  const stored = await db.get('tabs', tabId);
  if (stored) memory.set(tabId, stored);
  return stored;
}

export async function deleteTabStatus(db: Db, tabId: number): Promise<void> {
  const session = sessionArea();
  if (session) return session.remove(key(tabId));
  memory.delete(tabId);
  await db.delete('tabs', tabId);
}

/** Site last reported by every known tab (for broadcasting page state to the right site). */
export async function allTabSites(db: Db): Promise<Map<number, string>> {
  const session = sessionArea();
  const records = session
    ? Object.values(await session.get(null)).filter((value): value is TabRecord => isTabRecord(value))
    : await db.getAll('tabs');
  return new Map(records.map((record) => [record.tabId, record.site]));
}

const isTabRecord = (value: unknown): value is TabRecord =>
  typeof value === 'object' && value !== null && typeof (value as TabRecord).tabId === 'number';
