import { defaultSettings } from '../shared/settings';
import { browser } from '../shared/browser';

browser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, value: defaultSettings }));
