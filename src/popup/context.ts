import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PopupApi } from './api';

export interface PopupContext {
  api: PopupApi;
  /** Bumped after every action, so lists reload. */
  version: number;
  /** Runs an action, announces `done` (or the error) and reloads the lists. */
  run: (action: () => Promise<unknown>, done: string) => Promise<void>;
}

export const Context = createContext<PopupContext | null>(null);

export function usePopup(): PopupContext {
  const value = useContext(Context);
  if (!value) throw new Error('usePopup outside <App>');
  return value;
}
