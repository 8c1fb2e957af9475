/**
 * A Japanese font for browser runs that measure or show Japanese text (the layout test, the
 * screenshots). Debian's Chromium has no CJK font of its own: Japanese then draws as narrow
 * "tofu" boxes, and a label that breaks mid-word on an agent's PC (every Japanese font gives kanji and
 * kana a full em) fits here. So every page of the context gets Noto Sans JP, from the npm package
 * the project installs, under the name the panel's Japanese font list already has: the same glyph
 * widths on every machine, with no system font to install.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** A path no page of the mock stage serves: the context answers it from the package. */
const FONT_PATH = '/__japanese-font/';
/** One of the names in the panel's Japanese font list (panel.css), so the panel picks it by itself. */
const FAMILY = 'Noto Sans JP';

const packageDir = dirname(createRequire(import.meta.url).resolve('@fontsource-variable/noto-sans-jp/package.json'));

async function fontFaces(): Promise<string> {
  const css = await readFile(join(packageDir, 'index.css'), 'utf8');
  return css.replaceAll(/font-family:\s*'[^']*'/g, `font-family: '${FAMILY}'`).replaceAll('url(./files/', `url(${FONT_PATH}`);
}

/** Gives every page and frame of `context` the Japanese font (before their own scripts run). */
export async function addJapaneseFont(context: BrowserContext): Promise<void> {
  await context.route(`**${FONT_PATH}*`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(FONT_PATH.length);
    if (!/^[\w-]+\.woff2$/.test(name)) return route.fulfill({ status: 404 });
    return route.fulfill({ status: 200, contentType: 'font/woff2', body: await readFile(join(packageDir, 'files', name)) });
  });
  // A script as text: a function passed from here would carry tsx's helper names the page lacks.
  const script = `(() => {
    const css = ${JSON.stringify(await fontFaces())};
    const add = () => {
      const style = document.createElement('style');
      style.dataset.testFont = 'ja';
      style.textContent = css;
      document.head.append(style);
    };
    if (document.head) add();
    else document.addEventListener('DOMContentLoaded', add, { once: true });
  })();`;
  await context.addInitScript({ content: script });
}

/** Resolves once the fonts the frame's text needs have loaded (call after the text is on screen). */
export const fontsLoaded = (): Promise<unknown> => {
  // Laying the page out first makes the browser start every font load the text needs.
  if (document.body.offsetWidth < 0) return Promise.resolve();
  return document.fonts.ready;
};
