/** `npm test` runs this before the browser tests. */
import { ensureChromium } from './chromium';

try {
  console.log(`Chromium: ${ensureChromium()}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
