// `npm start`: builds, then opens Debian's Chromium with Uncanned loaded on the bundled demo pages (local copies of
// social sites served under their real URLs). With a display it stays open until you close the window; without one
// (or with --headless) it runs headless, saves screenshots to demo-screenshots/ and exits.
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/e2e/lib/chromium';
import { fixturePages } from '../tests/e2e/lib/fixtures';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const session = await launchChromium({ headless });
const pages = Object.keys(fixturePages());
console.log(`Uncanned demo: ${pages.length} pages, extension id ${session.extensionId}`);

if (!headless) {
  const index = await session.openPage('https://uncanned.test/');
  for (const url of pages) await session.openPage(url);
  await index.bringToFront();
  console.log('Chromium is open on the demo. Close its window to stop.');
  await new Promise((resolve) => session.context.on('close', resolve));
} else {
  const outDir = path.resolve('demo-screenshots');
  fs.mkdirSync(outDir, { recursive: true });
  for (const url of pages) {
    const page = await session.openPage(url);
    await page.waitForSelector('[data-uncanned]', { timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(500);
    const name = url
      .replace(/^https:\/\//, '')
      .replace(/[^a-z0-9]+/gi, '-')
      .slice(0, 80);
    await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
    const canned = await page.locator('[data-uncanned="canned"]').count();
    const popup = await session.openPopup(await session.tabIdOf(page));
    await popup.setViewportSize({ width: 400, height: 760 }); // the toolbar popup's size, not a page's
    await popup.waitForTimeout(800);
    await popup.screenshot({ path: path.join(outDir, `${name}-popup.png`) });
    await popup.close();
    console.log(`${url}: ${canned} canned messages flagged -> demo-screenshots/${name}.png`);
  }
  console.log(
    'No display: ran headless. Screenshots are in demo-screenshots/. Run with a display (or xvfb-run) to browse.',
  );
  await session.close();
}
