/** Small key-value records kept beside the history (quota warning, derived-data format). */
import type { Db } from './db';

export async function getMeta<T>(db: Db, key: string): Promise<T | undefined> {
  return (await db.get('meta', key))?.value as T | undefined;
}

export async function setMeta(db: Db, key: string, value: unknown): Promise<void> {
  await db.put('meta', { key, value });
}

export async function deleteMeta(db: Db, key: string): Promise<void> {
  await db.delete('meta', key);
}
