/** `npm run simulator`: the simulated BIZTEL server on BIZTEL_SIM_PORT (default 8000), loopback only. */
import { startSimulator } from './server';

const port = Number(process.env.BIZTEL_SIM_PORT ?? 8000);
const simulator = await startSimulator({ port, log: (line) => console.log(line) });
const stop = () => {
  void simulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
