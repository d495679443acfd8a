// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../shared/settings';
import type { OptionsApi } from './api';
import { createOptionsMock, type OptionsMockData } from './api.mock';
import { App } from './app';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));
afterEach(cleanup);

async function renderOptions(data: OptionsMockData = {}) {
  const api = createOptionsMock(data);
  for (const name of Object.keys(api) as (keyof OptionsApi)[]) if (typeof api[name] === 'function') vi.spyOn(api, name);
  render(<App api={api} />);
  await screen.findByRole('heading', { name: 'Detection' });
  return api;
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

describe('settings', () => {
  test('loading then an error from getSettings, with retry', async () => {
    const api = createOptionsMock({ failing: { names: ['getSettings'], message: 'Storage unavailable' } });
    render(<App api={api} />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Could not load the settings: Storage unavailable',
    );
  });

  test('thresholds are edited and saved through updateSettings', async () => {
    const api = await renderOptions();
    expect((screen.getByLabelText('Repeats before a sender is flagged') as HTMLInputElement).value).toBe('2');
    expect((screen.getByRole('button', { name: 'Save changes' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Repeats before a sender is flagged'), { target: { value: '4' } });
    fireEvent.input(screen.getByLabelText('How similar copies must be'), { target: { value: '90' } });
    fireEvent.input(screen.getByLabelText('Minimum length in words'), { target: { value: '99' } });
    expect(screen.getByText('You have unsaved changes.')).toBeTruthy();
    save(); // out of range: the browser's constraint validation stops the submit
    expect(api.updateSettings).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Minimum length in words'), { target: { value: '6' } });
    save();
    await waitFor(() => expect(api.updateSettings).toHaveBeenCalledTimes(1));
    const sent = vi.mocked(api.updateSettings).mock.calls[0]?.[0].settings;
    expect(sent).toMatchObject({ detection: { repeatThreshold: 4, similarityThreshold: 0.9, minWords: 6 } });
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  test('a failed save is reported and the changes are kept', async () => {
    await renderOptions({ failing: { names: ['updateSettings'], message: 'Quota exceeded' } });
    fireEvent.click(screen.getByRole('radio', { name: /^Hide.*Remove them from the page/ }));
    save();
    expect(await screen.findByText('Not saved: Quota exceeded')).toBeTruthy();
    expect((screen.getByRole('radio', { name: /^Hide.*Remove them from the page/ }) as HTMLInputElement).checked).toBe(
      true,
    );
  });

  test('canned and muted behaviour, sync, discard', async () => {
    const api = await renderOptions();
    fireEvent.click(screen.getByRole('radio', { name: /^Collapse.*Fold them/ }));
    fireEvent.click(screen.getByRole('radio', { name: /^Hide.*Remove their messages/ }));
    const sync = screen.getByRole('checkbox', { name: /Sync mutes, feedback and settings/ });
    expect(sync.textContent + (sync.closest('label')?.textContent ?? '')).toContain('Message history is never synced');
    fireEvent.click(sync);
    save();
    await waitFor(() =>
      expect(api.updateSettings).toHaveBeenCalledWith({
        settings: { ...defaultSettings, cannedAction: 'collapse', mutedAction: 'hide', syncEnabled: true },
      }),
    );
    fireEvent.click(await screen.findByRole('radio', { name: /^Flag/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect((screen.getByRole('radio', { name: /^Collapse.*Fold them/ }) as HTMLInputElement).checked).toBe(true);
  });

  test('sites on and off, and paused origins', async () => {
    const api = await renderOptions({ settings: { ...defaultSettings, disabledSites: ['https://mastodon.social'] } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'YouTube' }));
    fireEvent.click(screen.getByRole('button', { name: 'Turn back on' }));
    save();
    await waitFor(() =>
      expect(vi.mocked(api.updateSettings).mock.calls[0]?.[0].settings.disabledSites).toEqual(['youtube']),
    );
  });

  test('never flag: add and remove senders', async () => {
    const api = await renderOptions({ settings: { ...defaultSettings, neverFlag: ['x:@friend'] } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove @friend' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Site' }), { target: { value: 'reddit' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Handle or id, e.g. @name' }), {
      target: { value: ' u/helper ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    save();
    await waitFor(() =>
      expect(vi.mocked(api.updateSettings).mock.calls[0]?.[0].settings.neverFlag).toEqual(['reddit:u/helper']),
    );
  });
});

describe('data', () => {
  test('status, and export downloads a .json file', async () => {
    const api = await renderOptions();
    expect((await screen.findByTestId('store-status')).textContent).toContain('1,234 messages from 56 senders');
    const createObjectURL = vi.fn(() => 'blob:export');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include message history' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
    await waitFor(() => expect(clicks).toHaveLength(1));
    expect(api.exportData).toHaveBeenCalledWith({ includeHistory: true });
    expect(clicks[0]?.download).toBe('uncanned-export.json');
    expect(clicks[0]?.href).toBe('blob:export');
    expect(await screen.findByText('Exported to uncanned-export.json.')).toBeTruthy();
  });

  test('import sends the file text and reports the summary', async () => {
    const importResult = { mutes: 3, feedback: 2, settings: true, messages: 0 };
    const api = await renderOptions({ importResult });
    const input = screen.getByLabelText('Import…') as HTMLInputElement;
    const file = new File(['{"format":"uncanned-export"}'], 'backup.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByText('Imported 3 mutes, 2 feedback entries, your settings and 0 messages.')).toBeTruthy();
    expect(api.importData).toHaveBeenCalledWith({ json: '{"format":"uncanned-export"}' });
    expect(api.getSettings).toHaveBeenCalledTimes(2);
  });

  test('a rejected import is explained in words', async () => {
    await renderOptions({ failing: { names: ['importData'], message: 'Not an Uncanned export file' } });
    const file = new File(['nope'], 'x.json');
    fireEvent.change(screen.getByLabelText('Import…'), { target: { files: [file] } });
    expect((await screen.findByRole('alert')).textContent).toBe('That did not work: Not an Uncanned export file');
  });

  test('clear all data asks first', async () => {
    const api = await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Clear all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.clearAllData).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Clear all data…' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('cannot be undone');
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    await waitFor(() => expect(api.clearAllData).toHaveBeenCalledWith({ confirm: true }));
    expect(await screen.findByText('All data was deleted.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('store-status').textContent).toContain('0 messages from 0 senders'));
  });
});
