/** Muted senders. A mute with `until` expires: reads filter it out, `pruneExpiredMutes` deletes it. */
import type { Db } from './db';
import type { MuteRecord } from './schema';

const isLive = (mute: MuteRecord, now: number) => mute.until === undefined || mute.until > now;

export async function putMute(db: Db, mute: MuteRecord): Promise<void> {
  await db.put('mutes', mute);
}

export async function putMutes(db: Db, mutes: readonly MuteRecord[]): Promise<void> {
  const tx = db.transaction('mutes', 'readwrite');
  await Promise.all([...mutes.map((mute) => tx.store.put(mute)), tx.done]);
}

export async function deleteMute(db: Db, site: string, sender: string): Promise<void> {
  await db.delete('mutes', [site, sender]);
}

/** Live mutes, all sites or one. */
export async function listMutes(db: Db, site?: string, now = Date.now()): Promise<MuteRecord[]> {
  const range = site === undefined ? undefined : IDBKeyRange.bound([site], [site, []]);
  const mutes = await db.getAll('mutes', range);
  return mutes.filter((mute) => isLive(mute, now));
}

export async function pruneExpiredMutes(db: Db, now = Date.now()): Promise<number> {
  const tx = db.transaction('mutes', 'readwrite');
  const expired = await tx.store.index('byUntil').getAllKeys(IDBKeyRange.upperBound(now));
  await Promise.all([...expired.map((key) => tx.store.delete(key)), tx.done]);
  return expired.length;
}
