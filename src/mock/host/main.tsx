/** The mock-CTI page: a fake Salesforce host (Lightning or Classic) framing the panel, plus QA tools. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { attachClassicWire } from './classic-wire';
import { MockContext } from './context';
import { HostApp } from './HostApp';
import { MockHost } from './host-core';
import { attachLightningWire } from './lightning-wire';
import { createMockCti } from './mock-cti-impl';
import { OrgMirror, orgRequest } from './org-client';
import { parseHostParams } from './params';
import { SimClient } from './sim-client';
import './host.css';

async function boot(): Promise<void> {
  const params = parseHostParams(window.location);
  document.documentElement.lang = params.lang;
  const org = new OrgMirror();
  const [{ simulatorUrl }] = await Promise.all([orgRequest<{ simulatorUrl: string }>('config'), org.start()]);
  const sim = new SimClient(simulatorUrl);
  const host = new MockHost(params, org);

  let frame: HTMLIFrameElement | null = null;
  let markFramed: () => void = () => {};
  const framed = new Promise<void>((resolve) => (markFramed = resolve));
  const attach = params.mode === 'lightning' ? attachLightningWire : attachClassicWire;
  attach(host, () => frame);
  window.mockCti = createMockCti(host, org, sim, framed);

  const onFrame = (element: HTMLIFrameElement | null) => {
    frame = element;
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <MockContext.Provider value={{ host, org, sim }}>
          <HostApp onFrame={onFrame} onFrameLoad={markFramed} />
        </MockContext.Provider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  document.body.textContent = `The mock-CTI page could not start: ${error instanceof Error ? error.message : String(error)}`;
});
