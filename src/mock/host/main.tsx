/** The mock-CTI page: a fake Salesforce host (Lightning or Classic) framing the panel, plus QA tools. */
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { ClassicWire } from './classic-wire';
import { MockContext, type DockedFrame } from './context';
import { HostApp } from './HostApp';
import { MockHost } from './host-core';
import { LightningWire } from './lightning-wire';
import { createMockCti, resetAll, type SimLink } from './mock-cti-impl';
import { OrgMirror, orgRequest } from './org-client';
import { parseHostParams, type HostParams } from './params';
import { PopoutApp } from './PopoutApp';
import { tabPopoutId } from './popout-channel';
import { PopoutHost } from './popout-host';
import { ScenarioControl } from './scenario-control';
import { SimClient } from './sim-client';
import { SimStream } from './sim-stream';
import type { PanelPort } from './wire-common';
import 'virtual:slds-mock.css';
import './host.css';

/**
 * Everything `window.mockCti` needs is made here, synchronously, so that it is defined before the
 * page's `load` event; what still loads (the org, the simulator's address) is
 * awaited inside its methods. The view is drawn once the org and the simulator link are there.
 */
function startHost(root: Root, params: HostParams): void {
  const org = new OrgMirror();
  const orgLoaded = org.start();
  const simReady: Promise<SimLink> = orgRequest<{ simulatorUrl: string }>('config').then(({ simulatorUrl }) => {
    const stream = new SimStream(simulatorUrl);
    stream.start();
    return { sim: new SimClient(simulatorUrl), stream };
  });
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
  const scenarios = new ScenarioControl(params.lang, async () => {
    const { stream } = await simReady;
    // The simulator's first view: calls made before the run must be told from the ones it waits for.
    await stream.until(() => true, AbortSignal.timeout(10_000));
    return {
      user: params.user,
      lang: params.lang,
      // The same simulator controls as `window.mockCti.server`: one adapter for both.
      server: mockCti.server,
      current: () => stream.store.getState().state,
      until: (test, signal) => stream.until(test, signal),
    };
  });
  const mockCti = createMockCti({ host, org, orgLoaded, sim: simReady, framed, scenarios });
  window.mockCti = mockCti;

  Promise.all([simReady, orgLoaded]).then(
    ([{ sim, stream }]) => {
      const reset = () => resetAll(host, org, sim, stream);
      root.render(
        <StrictMode>
          <MockContext.Provider value={{ host, org, sim, stream, scenarios, reset, docked, popout, popoutId }}>
            <HostApp />
          </MockContext.Provider>
        </StrictMode>,
      );
    },
    (error: unknown) => fail(root, error),
  );
}

/** A simulator answer the scenario runner does not need. */

function fail(root: Root, error: unknown): void {
  root.unmount();
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `The mock-CTI page could not start: ${error instanceof Error ? error.message : String(error)}`;
  document.body.replaceChildren(message);
}

const element = document.getElementById('root');
if (!element) throw new Error('#root is missing');
const root = createRoot(element);
const params = parseHostParams(window.location);
document.documentElement.lang = params.lang;
try {
  if (params.popout) {
    root.render(
      <StrictMode>
        <PopoutApp params={params} popoutId={params.popout} />
      </StrictMode>,
    );
  } else startHost(root, params);
} catch (error) {
  fail(root, error);
}
