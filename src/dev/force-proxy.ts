/**
 * `npx tsx src/dev/force-proxy.ts`: while `npm start` runs, serves the mock page over HTTPS under
 * Salesforce-like names (see the README's mock-page addresses), through Vite's own proxy (`https-proxy.ts`); the dev
 * server's HMR socket passes through too. PROXY_PORT (default 5443) and PORT (the dev server,
 * default 5173) override the ports.
 */
import { FORCE_COM_BROWSER_FLAGS, startHttpsProxy } from './https-proxy';

const targetPort = Number(process.env.PORT ?? 5173);
const proxy = await startHttpsProxy({ targetPort, port: Number(process.env.PROXY_PORT ?? 5443) });
const host = `https://acme.lightning.force.com:${proxy.port}`;
console.log('');
console.log(`  HTTPS proxy → http://localhost:${targetPort} (Host rewritten), WebSockets included.`);
console.log(`  Mock-CTI page: ${host}/mock/?panelOrigin=https://acme--c.vf.force.com:${proxy.port}`);
console.log(`  Start Chromium so that these names reach this machine and the self-signed certificate passes:`);
console.log(`    chromium ${FORCE_COM_BROWSER_FLAGS.map((f) => `'${f}'`).join(' ')} --user-data-dir="$(mktemp -d)"`);
console.log('');

const stop = () => {
  void proxy.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
