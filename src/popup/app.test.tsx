// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { makeSenders, sampleMute, sampleSenders, sampleTemplate } from './test/sample-data';
import { renderPopup } from './test/setup';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));
afterEach(cleanup);

describe('popup lists', () => {
  test('shows loading, then the ranked senders with count, handle and site', async () => {
    renderPopup({ senders: structuredClone(sampleSenders) });
    expect(screen.getAllByRole('status').some((node) => node.textContent === 'Loading…')).toBe(true);
    const rows = await screen.findAllByTestId('sender-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0] as HTMLElement);
    expect(first.getByText('Crypto Kate')).toBeTruthy();
    expect(first.getByText('@kate_gains')).toBeTruthy();
    expect(first.getByText('YouTube')).toBeTruthy();
    expect(rows[0]?.querySelector('.count')?.textContent).toContain('14');
    expect(rows[0]?.querySelector('.slot')?.textContent).toBe('link1+1 (varies: link1, site1)');
    await waitFor(() => expect(screen.getByRole('tab', { name: /Senders/ }).textContent).toBe('Senders2'));
  });

  test('empty states for each list', async () => {
    renderPopup();
    expect(await screen.findByText('No repeat senders yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: /Templates/ }));
    expect(await screen.findByText('No shared templates yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: /Muted/ }));
    expect(await screen.findByText('Nobody is muted')).toBeTruthy();
  });

  test('an error from the background is shown in words', async () => {
    renderPopup({ failing: { names: ['listRepeatSenders', 'getTabSummary'], message: 'Database is locked' } });
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((alert) => alert.textContent).join(' ')).toContain('Database is locked');
  });

  test('10,000 senders: renders one page, its first rows first, and loads the next on demand', async () => {
    const { api } = renderPopup({ senders: makeSenders(10_000) }, (api) => vi.spyOn(api, 'listRepeatSenders'));
    expect(await screen.findAllByTestId('sender-row')).toHaveLength(10);
    await waitFor(() => expect(screen.getAllByTestId('sender-row')).toHaveLength(50));
    expect(api.listRepeatSenders).toHaveBeenNthCalledWith(1, { query: '', offset: 0, limit: 10 });
    expect(api.listRepeatSenders).toHaveBeenNthCalledWith(2, { query: '', offset: 0, limit: 50 });
    fireEvent.click(screen.getByRole('button', { name: /Show 50 more \(9,950 left\)/ }));
    await waitFor(() => expect(screen.getAllByTestId('sender-row')).toHaveLength(100));
    expect(api.listRepeatSenders).toHaveBeenLastCalledWith({ query: '', offset: 50, limit: 50 });
  });

  test('a reload after an action keeps every shown row in place (no first-rows step)', async () => {
    const { api } = renderPopup({ senders: makeSenders(10_000) }, (api) => vi.spyOn(api, 'listRepeatSenders'));
    await waitFor(() => expect(screen.getAllByTestId('sender-row')).toHaveLength(50));
    fireEvent.click(screen.getByRole('button', { name: /Show 50 more/ }));
    await waitFor(() => expect(screen.getAllByTestId('sender-row')).toHaveLength(100));
    const calls = vi.mocked(api.listRepeatSenders).mock.calls.length;
    const row = within(screen.getAllByTestId('sender-row')[0] as HTMLElement);
    fireEvent.click(row.getByRole('button', { name: 'Mute' }));
    fireEvent.click(row.getByRole('menuitem', { name: 'For good' }));
    await waitFor(() => expect(vi.mocked(api.listRepeatSenders).mock.calls.length).toBeGreaterThan(calls));
    expect(vi.mocked(api.listRepeatSenders).mock.calls.slice(calls)).toEqual([[{ query: '', offset: 0, limit: 100 }]]);
    expect(screen.getAllByTestId('sender-row')).toHaveLength(100);
  });

  test('search is sent to the background and shows no-match state', async () => {
    const { api } = renderPopup({ senders: structuredClone(sampleSenders) }, (api) =>
      vi.spyOn(api, 'listRepeatSenders'),
    );
    await screen.findAllByTestId('sender-row');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'deals' } });
    await waitFor(() => expect(screen.getAllByTestId('sender-row')).toHaveLength(1));
    expect(api.listRepeatSenders).toHaveBeenLastCalledWith({ query: 'deals', offset: 0, limit: 10 });
    expect(screen.getByText('Daily Deals')).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'zzz' } });
    const panel = within(document.getElementById('panel-senders') as HTMLElement);
    expect(await panel.findByText('Nothing matches “zzz”')).toBeTruthy();
  });

  test('templates list senders and muted list shows expiry', async () => {
    renderPopup({ templates: [structuredClone(sampleTemplate)], mutes: [sampleMute] });
    fireEvent.click(screen.getByRole('tab', { name: /Templates/ }));
    const template = await screen.findByTestId('template-row');
    expect(template.textContent).toContain('48 copies by 17 senders');
    expect(within(template).getByText('Anna Lee')).toBeTruthy();
    expect(within(template).getByText('+15 more')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: /Muted/ }));
    const mute = await screen.findByTestId('mute-row');
    expect(mute.textContent).toMatch(/Muted until .+/);
    expect(mute.textContent).toContain('Spam Bot');
  });
});

test('other panels mount on first visit; their tab counts come from a one-row request', async () => {
  const { api } = renderPopup({ templates: [structuredClone(sampleTemplate)], mutes: [sampleMute] }, (api) =>
    vi.spyOn(api, 'listTemplates'),
  );
  await waitFor(() => expect(screen.getByRole('tab', { name: /Templates/ }).textContent).toBe('Templates1'));
  expect(screen.getByRole('tab', { name: /Muted/ }).textContent).toBe('Muted1');
  expect(api.listTemplates).toHaveBeenCalledWith({ query: '', offset: 0, limit: 1 });
  expect(document.getElementById('panel-templates')?.childElementCount).toBe(0);
  fireEvent.click(screen.getByRole('tab', { name: /Templates/ }));
  expect(await screen.findByTestId('template-row')).toBeTruthy();
  expect(api.listTemplates).toHaveBeenLastCalledWith({ query: '', offset: 0, limit: 10 });
});

describe('tabs keyboard', () => {
  test('arrow keys, Home and End move selection and focus; panels follow', async () => {
    renderPopup();
    const senders = screen.getByRole('tab', { name: /Senders/ });
    expect(senders.getAttribute('aria-selected')).toBe('true');
    expect(senders.getAttribute('tabindex')).toBe('0');
    senders.focus();
    fireEvent.keyDown(senders, { key: 'ArrowRight' });
    const templates = screen.getByRole('tab', { name: /Templates/ });
    expect(templates.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(templates);
    expect(document.getElementById('panel-templates')?.hidden).toBe(false);
    expect(document.getElementById('panel-senders')?.hidden).toBe(true);
    fireEvent.keyDown(templates, { key: 'End' });
    expect(screen.getByRole('tab', { name: /Muted/ }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(senders);
    fireEvent.keyDown(senders, { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: /Muted/ }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    expect(senders.getAttribute('aria-selected')).toBe('true');
  });
});
