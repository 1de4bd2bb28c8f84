#!/usr/bin/env node
// Renders scripts/icons/icon.svg to public/icon/{16,32,48,128}.png in Chromium (WXT puts public/icon/<size>.png
// into the manifest's icons). At 16 and 32 px the slip's text lines are left out: they would blur into grey.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, ROOT, chromiumPath } from '../lib/browser.mjs';

const svg = readFileSync(join(ROOT, 'scripts/icons/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const size of [16, 32, 48, 128]) {
  const markup = size < 48 ? svg.replace(/<g class="detail"[\s\S]*?<\/g>/, '') : svg;
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`);
  await page.screenshot({ path: join(ROOT, 'public', 'icon', `${size}.png`), omitBackground: true });
  console.log(`public/icon/${size}.png`);
}
await browser.close();
