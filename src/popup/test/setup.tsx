import { render } from '@testing-library/preact';
import type { PopupApi } from '../api';
import { createMockApi, type MockData } from '../api.mock';
import { App } from '../app';

/** Renders the popup against the in-memory API; spies can be added to the returned api before rendering. */
export function renderPopup(data: MockData = {}, prepare?: (api: PopupApi) => void) {
  const api = createMockApi(data);
  prepare?.(api);
  return { api, ...render(<App api={api} />) };
}
