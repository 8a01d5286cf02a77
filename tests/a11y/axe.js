// axe.js PAGE.html SHOTPREFIX — runs axe-core with the WCAG 2.1 A and AA
// tags on the page in headless Debian chromium (puppeteer-core), prints each
// violation's rule and nodes, saves screenshots at 1280, 640 and 320 px wide
// (SHOTPREFIX-1280.png, -640.png, -320.png) and checks that at 640 px (a
// 1280 px screen at 200% zoom) and at 320 px nothing scrolls sideways (a
// wide table scrolls in its own region), and that in print every figure
// keeps together with its caption (break-inside: avoid). Exit 0 only when
// there are no violations, the page reflows and prints its figures whole.
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
    const widths = [];
    for (const w of [640, 320]) {
      await page.setViewport({ width: w, height: 900 });
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      if (sw > w) {
        failed = true;
        console.log(`reflow: scrollWidth ${sw} > ${w} at ${w} px`);
      }
      widths.push(`scrollWidth ${sw} at ${w} px`);
      await page.screenshot({ path: `${shots}-${w}.png`, fullPage: false });
    }
    // Print: each figure unbroken, its caption inside it.
    await page.emulateMediaType('print');
    const broken = await page.evaluate(() => {
      const bad = [];
      for (const f of document.querySelectorAll('figure')) {
        const st = getComputedStyle(f).breakInside;
        if (st !== 'avoid' && st !== 'avoid-page') bad.push(`figure break-inside ${st}`);
        if (!f.querySelector(':scope > figcaption')) bad.push('figure without figcaption');
      }
      return bad;
    });
    await page.emulateMediaType('screen');
    if (broken.length) {
      failed = true;
      console.log(`print: ${broken.slice(0, 5).join('; ')}`);
    }
    const nfig = await page.evaluate(() => document.querySelectorAll('figure').length);
    console.log(`${res.violations.length} violations, ${widths.join(', ')}, ` +
                `${nfig} figures kept whole in print`);
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
