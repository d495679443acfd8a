// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { makeSender, sampleCopies } from './test/sample-data';
import { renderPopup } from './test/setup';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));
afterEach(cleanup);

test('a muted sender shows its mute and an Unmute button instead of Mute', async () => {
  const until = Date.UTC(2030, 0, 2, 10);
  renderPopup({ senders: [makeSender(1, { mute: { scope: 'all', until } })] });
  const row = within(await screen.findByTestId('sender-row'));
  expect(row.getByText(/^Muted until /)).toBeTruthy();
  expect(row.getByRole('button', { name: 'Unmute' })).toBeTruthy();
  expect(row.queryByRole('button', { name: 'Mute' })).toBeNull();
  expect(row.queryByRole('button', { name: 'Hide canned' })).toBeNull();
});

test('a sender marked not canned shows it and offers Flag again', async () => {
  renderPopup({ senders: [makeSender(1, { notCanned: true })] });
  const row = within(await screen.findByTestId('sender-row'));
  expect(row.getByText('Not canned', { selector: '.pill' })).toBeTruthy();
  expect(row.getByRole('button', { name: 'Flag again' })).toBeTruthy();
});

test('copies that fail to load show the error and retry', async () => {
  const { api } = renderPopup({ senders: [makeSender(1)], copies: sampleCopies });
  let calls = 0;
  vi.spyOn(api, 'getSenderCopies').mockImplementation(async () => {
    calls += 1;
    if (calls === 1) throw new Error('History was pruned');
    return sampleCopies.map((copy) => ({ ...copy, sender: '@promo1' }));
  });
  const row = within(await screen.findByTestId('sender-row'));
  fireEvent.click(row.getByRole('button', { name: /Show copies by/ }));
  expect((await row.findByRole('alert')).textContent).toContain('History was pruned');
  fireEvent.click(row.getByRole('button', { name: 'Try again' }));
  expect(await row.findByRole('list', { name: '2 copies, side by side' })).toBeTruthy();
});

test('no copies kept is an empty state, not an error', async () => {
  renderPopup({ senders: [makeSender(1)], copies: [] });
  const row = within(await screen.findByTestId('sender-row'));
  fireEvent.click(row.getByRole('button', { name: /Show copies by/ }));
  expect(await row.findByText('No copies kept: history may have been pruned.')).toBeTruthy();
});

test('the mute menu closes when focus leaves it', async () => {
  renderPopup({ senders: [makeSender(1)] });
  const row = within(await screen.findByTestId('sender-row'));
  fireEvent.click(row.getByRole('button', { name: 'Mute' }));
  const menu = row.getByRole('menu');
  fireEvent.focusOut(menu, { relatedTarget: document.body });
  await waitFor(() => expect(row.queryByRole('menu')).toBeNull());
});

test('every button and link has an accessible name', async () => {
  renderPopup({ senders: [makeSender(1), makeSender(2)], copies: sampleCopies });
  await screen.findAllByTestId('sender-row');
  for (const button of screen.getAllByRole('button')) {
    expect(button.getAttribute('aria-label') ?? button.textContent?.trim()).toBeTruthy();
  }
  expect(screen.getByRole('searchbox', { name: 'Search names, handles and texts' })).toBeTruthy();
  expect(screen.getByRole('tablist', { name: 'Lists' })).toBeTruthy();
});

test('Settings opens the options page', async () => {
  const { api } = renderPopup({}, (api) => vi.spyOn(api, 'openOptions'));
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  expect(api.openOptions).toHaveBeenCalled();
});
