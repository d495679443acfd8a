// Writes content.css, the stylesheet Firefox's manifest lists (src/content/firefox-sheet.ts says why).
// Usage: node --import tsx scripts/firefox-css.ts <out file>
import fs from 'node:fs';
import { firefoxSheet } from '../src/content/firefox-sheet';

const out = process.argv[2];
if (!out) throw new Error('Usage: firefox-css.ts <out file>');
fs.writeFileSync(out, firefoxSheet());
