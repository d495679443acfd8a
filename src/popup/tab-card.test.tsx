// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { TabStatus, TabSummary } from '../shared/views';
import { tabIdFromQuery } from './api';
import { renderPopup } from './test/setup';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));
afterEach(cleanup);

const summary = (status: TabStatus, extra: Partial<TabSummary> = {}): TabSummary => ({
  tabId: 7,
  site: 'youtube',
  status,
  read: 120,
  canned: 14,
  hidden: 3,
  ...extra,
});

describe('this tab', () => {
  test('counts as stat tiles for the tab the popup describes', async () => {
    const { api } = renderPopup({ tabId: 42, summary: summary('active') }, (api) => vi.spyOn(api, 'getTabSummary'));
    const card = await screen.findByRole('region', { name: 'YouTube' });
    await waitFor(() => expect(card.textContent).toContain('Read120'));
    expect(card.textContent).toContain('Canned14');
    expect(card.textContent).toContain('Hidden3');
    expect(card.textContent).toContain('Active');
    expect(api.getTabSummary).toHaveBeenCalledWith({ tabId: 42 });
  });

  test.each([
    ['no-messages', "cannot read the messages on this page: the site's layout may have changed"],
    ['unsupported', 'does not work on this page'],
    ['paused', 'paused on this site'],
  ] as const)('status %s is explained', async (status, text) => {
    renderPopup({ summary: summary(status) });
    expect(await screen.findByText(new RegExp(text))).toBeTruthy();
  });

  test('Pause and Resume call setSitePaused', async () => {
    const { api } = renderPopup({ summary: summary('active') }, (api) => vi.spyOn(api, 'setSitePaused'));
    fireEvent.click(await screen.findByRole('button', { name: 'Pause on this site' }));
    expect(api.setSitePaused).toHaveBeenCalledWith({ site: 'youtube', paused: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Resume' }));
    expect(api.setSitePaused).toHaveBeenLastCalledWith({ site: 'youtube', paused: false });
  });

  test('Enable requests the origin during the click, then enables it', async () => {
    const origin = 'https://mastodon.social';
    const { api } = renderPopup({ summary: summary('needs-permission', { site: origin, origin }) }, (api) => {
      vi.spyOn(api, 'requestOrigin');
      vi.spyOn(api, 'enableOnOrigin');
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Enable on this site' }));
    expect(api.requestOrigin).toHaveBeenCalledWith(origin); // synchronously, inside the user gesture
    await waitFor(() => expect(api.enableOnOrigin).toHaveBeenCalledWith({ origin, tabId: expect.any(Number) }));
    expect(await screen.findByText('Enabled on mastodon.social: reading this page now.')).toBeTruthy();
  });

  test('a refused permission is reported and nothing is enabled', async () => {
    const origin = 'https://mastodon.social';
    const { api } = renderPopup(
      { summary: summary('needs-permission', { site: origin, origin }), permissionGranted: false },
      (api) => vi.spyOn(api, 'enableOnOrigin'),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Enable on this site' }));
    expect(await screen.findByText('That did not work: Permission was not granted.')).toBeTruthy();
    expect(api.enableOnOrigin).not.toHaveBeenCalled();
  });
});

test('?tab=<id> selects the tab to describe', () => {
  expect(tabIdFromQuery('?tab=12')).toBe(12);
  expect(tabIdFromQuery('?tab=abc')).toBeUndefined();
  expect(tabIdFromQuery('')).toBeUndefined();
});
