/** The mock-CTI page: a fake Salesforce host (Lightning or Classic) framing the panel, plus QA tools. */
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ClassicWire } from './classic-wire';
import { MockContext, type DockedFrame } from './context';
import { HostApp } from './HostApp';
import { MockHost } from './host-core';
import { LightningWire } from './lightning-wire';
import { createMockCti } from './mock-cti-impl';
import { OrgMirror, orgRequest } from './org-client';
import { parseHostParams, type HostParams } from './params';
import { PopoutApp } from './PopoutApp';
import { tabPopoutId } from './popout-channel';
import { PopoutHost } from './popout-host';
import { SimClient } from './sim-client';
import type { PanelPort } from './wire-common';
import './host.css';

async function boot(root: Root): Promise<void> {
  const params = parseHostParams(window.location);
  document.documentElement.lang = params.lang;
  if (params.popout) {
    root.render(
      <StrictMode>
        <PopoutApp params={params} popoutId={params.popout} />
      </StrictMode>,
    );
    return;
  }
  await bootHost(root, params);
}

async function bootHost(root: Root, params: HostParams): Promise<void> {
  const org = new OrgMirror();
  const [{ simulatorUrl }] = await Promise.all([orgRequest<{ simulatorUrl: string }>('config'), org.start()]);
  const sim = new SimClient(simulatorUrl);
  const host = new MockHost(params, org);

  let markFramed: () => void = () => {};
  const framed = new Promise<void>((resolve) => (markFramed = resolve));

  // The docked (Lightning) or left-pane (Classic) softphone frame of this page.
  let frame: HTMLIFrameElement | null = null;
  const dockedPort: PanelPort<unknown> = {
    name: params.mode === 'lightning' ? 'docked' : 'left pane',
    post: (message) => frame?.contentWindow?.postMessage(message, params.panelOrigin),
  };
  const wire = params.mode === 'lightning' ? new LightningWire(host) : new ClassicWire(host);
  window.addEventListener('message', (event: MessageEvent<unknown>) => wire.onMessage(event, frame?.contentWindow, dockedPort));
  const docked: DockedFrame = {
    onFrame: (element) => {
      if (element === frame) return;
      if (frame) wire.disconnect(dockedPort);
      frame = element;
      if (!element) return;
      // A new panel instance: it registers its listeners and initialises again.
      host.store.setState({ initialized: false });
      // Classic checks every message for the nonce this frame was given in its URL.
      if (wire instanceof ClassicWire) wire.connect(dockedPort, new URL(element.src, window.location.href).searchParams.get('nonce'));
      else wire.connect(dockedPort);
    },
    onLoad: () => markFramed(),
  };
  const popoutId = tabPopoutId();
  const popout = wire instanceof LightningWire ? new PopoutHost(host, wire, popoutId, () => markFramed()) : null;
  window.mockCti = createMockCti(host, org, sim, framed);

  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <MockContext.Provider value={{ host, org, sim, docked, popout, popoutId }}>
          <HostApp />
        </MockContext.Provider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

const element = document.getElementById('root');
if (!element) throw new Error('#root is missing');
const root = createRoot(element);
boot(root).catch((error: unknown) => {
  root.unmount();
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `The mock-CTI page could not start: ${error instanceof Error ? error.message : String(error)}`;
  document.body.replaceChildren(message);
});
