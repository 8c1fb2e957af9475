/**
 * `npm start`: the simulated BIZTEL server and the dev server with the mock-CTI page. Nothing else to
 * set up. PORT (default 5173) and BIZTEL_SIM_PORT (default 8000) override the ports.
 */
import { createServer } from 'vite';
import { startSimulator } from '../simulator/server';

const simPort = Number(process.env.BIZTEL_SIM_PORT ?? 8000);
process.env.BIZTEL_SIM_PORT = String(simPort);
const simulator = await startSimulator({ port: simPort, log: (line) => console.log(line) });
const vite = await createServer({ configFile: new URL('../../vite.config.ts', import.meta.url).pathname });
await vite.listen();
const port = vite.config.server.port;
console.log('');
console.log(`  Mock-CTI page (Lightning): http://localhost:${port}/mock/`);
console.log(`  Mock-CTI page (Classic):   http://localhost:${port}/mock/?mode=classic`);
console.log(`  Simulated BIZTEL server:   ${simulator.url}`);
console.log('  Sign in as agent01 … agent05 with the password biztel.');
console.log('');

const stop = () => {
  void Promise.all([vite.close(), simulator.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
