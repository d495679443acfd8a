/** The worker's one database connection, opened on first use and reopened if the browser closes it. */
import { DB_NAME, type Db, openUncannedDb } from './db';

let connection: Promise<Db> | undefined;

export function getDb(name = DB_NAME): Promise<Db> {
  if (!connection) {
    connection = openUncannedDb(name).then((db) => {
      // `versionchange` (another version upgrading) or an abnormal close: forget it, the next call reopens.
      db.addEventListener('close', () => {
        connection = undefined;
      });
      db.addEventListener('versionchange', () => {
        connection = undefined;
      });
      return db;
    });
    connection.catch(() => {
      connection = undefined;
    });
  }
  return connection;
}

/** Tests: forget the memoized connection (after closing it). */
export async function closeDb(): Promise<void> {
  const current = connection;
  connection = undefined;
  (await current)?.close();
}
