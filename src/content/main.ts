import { sendToBackground } from '../shared/messaging';

void sendToBackground('getSettings', {}).then(() => document.documentElement.setAttribute('data-uncanned-ready', ''));
