// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { PopupApi } from './api';
import { now, sampleCopies, sampleMute, sampleSenders, sampleTemplate } from './test/sample-data';
import { renderPopup } from './test/setup';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));
beforeEach(() => vi.useFakeTimers({ now, toFake: ['Date'] }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const spyAll = (api: PopupApi) => {
  for (const name of Object.keys(api) as (keyof PopupApi)[]) {
    if (typeof api[name] === 'function') vi.spyOn(api, name);
  }
};

async function firstSenderRow(data = {}) {
  const rendered = renderPopup({ senders: structuredClone(sampleSenders), copies: sampleCopies, ...data }, spyAll);
  const [row] = await screen.findAllByTestId('sender-row');
  return { ...rendered, row: within(row as HTMLElement) };
}

const kate = { site: 'youtube', sender: '@kate_gains' };

describe('sender actions', () => {
  test.each([
    ['For 24 hours', now + 24 * 3_600_000],
    ['For 7 days', now + 7 * 24 * 3_600_000],
    ['For good', undefined],
  ])('Mute %s', async (label, until) => {
    const { api, row } = await firstSenderRow();
    const button = row.getByRole('button', { name: 'Mute' });
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(row.getByRole('menuitem', { name: label }));
    expect(api.muteSender).toHaveBeenCalledWith({ ...kate, senderName: 'Crypto Kate', scope: 'all', until });
    expect(await screen.findByText('Muted Crypto Kate.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('tab', { name: /Muted/ }).textContent).toBe('Muted1'));
    const updated = within((await screen.findAllByTestId('sender-row'))[0] as HTMLElement);
    expect(updated.getByRole('button', { name: 'Unmute' })).toBeTruthy();
  });

  test('mute menu works from the keyboard and Escape closes it', async () => {
    const { row } = await firstSenderRow();
    const button = row.getByRole('button', { name: 'Mute' });
    fireEvent.click(button);
    const items = row.getAllByRole('menuitem');
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(items[0] as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(items[1] as Element, { key: 'ArrowUp' });
    fireEvent.keyDown(items[0] as Element, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items[2]);
    fireEvent.keyDown(items[2] as Element, { key: 'Escape' });
    expect(row.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  test('Hide canned mutes only the repeated text', async () => {
    const { api, row } = await firstSenderRow();
    fireEvent.click(row.getByRole('button', { name: 'Hide canned' }));
    expect(api.muteSender).toHaveBeenCalledWith({ ...kate, senderName: 'Crypto Kate', scope: 'canned' });
    const updated = within((await screen.findAllByTestId('sender-row'))[0] as HTMLElement);
    expect(await updated.findByText('Canned hidden for good')).toBeTruthy();
  });

  test('Forget deletes the history and removes the row', async () => {
    const { api, row } = await firstSenderRow();
    fireEvent.click(row.getByRole('button', { name: 'Forget' }));
    expect(api.forgetSender).toHaveBeenCalledWith(kate);
    await waitFor(() => expect(screen.getAllByTestId('sender-row')).toHaveLength(1));
    expect(screen.queryByText('Crypto Kate')).toBeNull();
  });

  test('Not canned, then Flag again', async () => {
    const { api, row } = await firstSenderRow();
    fireEvent.click(row.getByRole('button', { name: 'Not canned' }));
    expect(api.markNotCanned).toHaveBeenCalledWith({ target: { kind: 'sender', ...kate } });
    const updated = within((await screen.findAllByTestId('sender-row'))[0] as HTMLElement);
    fireEvent.click(await updated.findByRole('button', { name: 'Flag again' }));
    expect(api.unmarkNotCanned).toHaveBeenCalledWith({ target: { kind: 'sender', ...kate } });
  });

  test('a failed action is announced', async () => {
    const { row } = await firstSenderRow({ failing: { names: ['forgetSender'], message: 'Quota exceeded' } });
    fireEvent.click(row.getByRole('button', { name: 'Forget' }));
    expect(await screen.findByText('That did not work: Quota exceeded')).toBeTruthy();
  });

  test('expanding a row shows the copies side by side with the differences and links', async () => {
    const { api, row } = await firstSenderRow();
    const expand = row.getByRole('button', { name: 'Show copies by Crypto Kate' });
    fireEvent.click(expand);
    expect(expand.getAttribute('aria-expanded')).toBe('true');
    expect(api.getSenderCopies).toHaveBeenCalledWith(kate);
    const list = await row.findByRole('list', { name: '2 copies, side by side' });
    expect(list.querySelector('ins')?.textContent).toBe('site1');
    expect(list.querySelector('del')?.textContent).toBe('link1');
    const links = within(list).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(sampleCopies.map((copy) => copy.permalink));
    expect(links[0]?.getAttribute('target')).toBe('_blank');
  });
});

describe('template and mute actions', () => {
  test('Mute all senders of a template, and Not canned', async () => {
    const { api } = renderPopup({ templates: [structuredClone(sampleTemplate)] }, spyAll);
    fireEvent.click(screen.getByRole('tab', { name: /Templates/ }));
    const row = within(await screen.findByTestId('template-row'));
    fireEvent.click(row.getByRole('button', { name: 'Mute all' }));
    fireEvent.click(row.getByRole('menuitem', { name: 'For 7 days' }));
    expect(api.muteTemplate).toHaveBeenCalledWith({ clusterId: 'tpl1', until: now + 7 * 24 * 3_600_000 });
    await waitFor(() => expect(screen.getByRole('tab', { name: /Muted/ }).textContent).toBe('Muted2'));
    fireEvent.click(within(await screen.findByTestId('template-row')).getByRole('button', { name: 'Not canned' }));
    expect(api.markNotCanned).toHaveBeenCalledWith({ target: { kind: 'cluster', clusterId: 'tpl1' } });
  });

  test('template copies load on expand', async () => {
    const copies = sampleCopies.map((copy) => ({ ...copy, clusterId: 'tpl1' }));
    const { api } = renderPopup({ templates: [structuredClone(sampleTemplate)], copies }, spyAll);
    fireEvent.click(screen.getByRole('tab', { name: /Templates/ }));
    const row = within(await screen.findByTestId('template-row'));
    fireEvent.click(row.getByRole('button', { name: 'Show copies' }));
    expect(api.getTemplateCopies).toHaveBeenCalledWith({ clusterId: 'tpl1' });
    expect(await row.findAllByRole('link')).toHaveLength(2);
  });

  test('Unmute from the muted list', async () => {
    const { api } = renderPopup({ mutes: [sampleMute] }, spyAll);
    fireEvent.click(screen.getByRole('tab', { name: /Muted/ }));
    const row = within(await screen.findByTestId('mute-row'));
    fireEvent.click(row.getByRole('button', { name: 'Unmute' }));
    expect(api.unmuteSender).toHaveBeenCalledWith({ site: 'youtube', sender: '@spam' });
    expect(await screen.findByText('Nobody is muted')).toBeTruthy();
  });
});
