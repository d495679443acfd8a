import { useCallback, useLayoutEffect, useState } from 'preact/hooks';

export type AsyncState<T> =
  | { status: 'loading'; value?: T }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: string; value?: T };

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs `load` whenever `deps` change; keeps the last value while reloading so lists do not flash. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [nonce, setNonce] = useState(0);
  useLayoutEffect(() => {
    let current = true;
    setState((previous) => ({ status: 'loading', value: previous.value }));
    load().then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) =>
        current && setState((previous) => ({ status: 'error', error: errorText(error), value: previous.value })),
    );
    return () => {
      current = false;
    };
  }, [...deps, nonce]);
  const reload = useCallback(() => setNonce((value) => value + 1), []);
  return { ...state, reload };
}
