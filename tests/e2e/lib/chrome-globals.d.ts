/** The parts of the `chrome` API that tests evaluate inside the extension's service worker. */
declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number; url?: string; active?: boolean }[]> };
  storage: { local: { get(keys?: string | string[] | null): Promise<Record<string, unknown>> } };
  runtime: { id: string; getURL(path: string): string; sendMessage(message: unknown): Promise<unknown> };
};
