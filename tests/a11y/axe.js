// axe.js PAGE.html SHOTPREFIX — runs axe-core with the WCAG 2.1 A and AA
// tags on the page in headless Debian chromium (puppeteer-core), prints each
// violation's rule and nodes, saves screenshots at 1280 and 320 px wide
// (SHOTPREFIX-1280.png, -320.png) and checks that at 320 px nothing scrolls
// sideways. Exit 0 only when there are no violations and the page reflows.
'use strict';
const path = require('path');
const puppeteer = require('puppeteer-core');
const axeSource = require('axe-core').source;

async function main() {
  const [page_file, shots] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  let failed = false;
  try {
    const page = await browser.newPage();
    // The page must make no request of its own: fail on any that is not the file.
    const url = 'file://' + path.resolve(page_file);
    const requests = [];
    page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    if (requests.length) {
      failed = true;
      console.log('requests: ' + requests.join(' '));
    }
    await page.addScriptTag({ content: axeSource });
    const res = await page.evaluate(async () => {
      return await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      });
    });
    for (const v of res.violations) {
      failed = true;
      console.log(`violation ${v.id} (${v.impact}): ${v.help}`);
      for (const n of v.nodes.slice(0, 5))
        console.log(`  ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`);
    }
    await page.screenshot({ path: `${shots}-1280.png`, fullPage: false });
    await page.setViewport({ width: 320, height: 640 });
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    if (sw > 320) {
      failed = true;
      console.log(`reflow: scrollWidth ${sw} > 320 at 320 px`);
    }
    await page.screenshot({ path: `${shots}-320.png`, fullPage: false });
    console.log(`${res.violations.length} violations, scrollWidth ${sw} at 320 px`);
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
