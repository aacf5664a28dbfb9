import { chromium } from 'playwright-core';
import { serveStatic } from '/work/main/scripts/bench-server.mjs';
import { CHROMIUM_ARGS, findBrowser } from '/work/main/scripts/browsers.mjs';
const server = await serveStatic('/work/main');
const browser = await chromium.launch({ executablePath: findBrowser('chromium'), headless: true, args: CHROMIUM_ARGS });
for (const pageName of (process.argv[2]??'floor-intake.html,intake.html,intake-standalone.html').split(',')) for (let i=0;i<3;i++) {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${server.origin}/bench/runtime/${pageName}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.koeBench?.ready !== undefined);
  await page.waitForTimeout(1500);
  const r = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource').map(r => `${r.name.split('/').pop()} ${Math.round(r.startTime)}-${Math.round(r.responseEnd)}`);
    const paint = performance.getEntriesByType('paint').map(p=>`${p.name} ${Math.round(p.startTime)}`);
    return { ready: Math.round(koeBench.ready), defined: Math.round(koeBench.defined??-1), dcl: Math.round(nav.domContentLoadedEventStart), domInteractive: Math.round(nav.domInteractive), respEnd: Math.round(nav.responseEnd), res, paint, lt: koeBench.longTasks.map(t=>`${Math.round(t.startTime)}+${Math.round(t.duration)}`) };
  });
  console.log(pageName, JSON.stringify(r));
  await context.close();
}
await browser.close(); await server.close();
