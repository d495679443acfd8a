// E2E build only: Firefox refuses a driver's navigation to moz-extension:// pages, so tests open
// https://uncanned.test/open-popup?tab=N and this script asks the background to open the popup in a tab.
import { browser } from '../shared/browser';

void browser.runtime.sendMessage({ e2e: 'openPopup', query: location.search });
