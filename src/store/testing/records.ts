/** Test data builders for store and handler tests. */
import { deleteDB } from 'idb';
import { type Db, openUncannedDb } from '../db';
import type { MessageRecord } from '../schema';

let dbCounter = 0;

/** A fresh database with a unique name; `cleanup` closes and deletes it. */
export async function freshDb(version?: number): Promise<{ db: Db; name: string; cleanup: () => Promise<void> }> {
  dbCounter += 1;
  const name = `test-${dbCounter}-${Math.random().toString(36).slice(2)}`;
  const db = await openUncannedDb(name, version);
  return {
    db,
    name,
    cleanup: async () => {
      db.close();
      await deleteDB(name);
    },
  };
}

export function makeMessage(overrides: Partial<MessageRecord> = {}): MessageRecord {
  return {
    site: 'x',
    id: 'm1',
    sender: 'alice',
    text: 'Check out my profile for amazing deals today',
    time: 1_000,
    seenAt: 1_000,
    clusterId: 'c1',
    canned: false,
    reason: null,
    senderCount: 1,
    templateSenders: 1,
    similarity: 0,
    ...overrides,
  };
}
