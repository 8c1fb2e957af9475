/** The panel's entry: what the Visualforce page (and the dev server's index.html) loads. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import * as z from 'zod/mini';
import { BiztelLink } from './biztel/link';
import { Panel, createPanelStore, loadMessages, panelLang, readLanguageOverride, toLang } from './app';
import { connectHost } from './salesforce/connect';
import { parseLaunchParams } from './salesforce/launch';
import { App } from './ui/App';
import { PanelContext } from './ui/context';
import { ErrorBoundary } from './ui/ErrorBoundary';
import 'virtual:slds.css';
import './ui/panel.css';

// No code generation: the panel must run under a strict Content-Security-Policy (no 'unsafe-eval').
z.config({ jitless: true });

// Which build this is (diagnostics, and the tests that speak on the tab channel of this build).
document.documentElement.dataset.panelBuild = __PANEL_BUILD__;
const launch = parseLaunchParams(window.location.search);
const store = createPanelStore(toLang(document.documentElement.dataset.userLanguage ?? navigator.language), readLanguageOverride());
const panel = new Panel({
  store,
  launch,
  build: __PANEL_BUILD__,
  connectHost: (kind, report) => connectHost(kind, report),
  createLink: (serverUrl, options) => new BiztelLink(serverUrl, options),
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
// Only the language the panel speaks is downloaded; it is there before the first render.
void loadMessages(panelLang(store.getState())).then(() => {
  createRoot(root).render(
    <StrictMode>
      <PanelContext.Provider value={panel}>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </PanelContext.Provider>
    </StrictMode>,
  );
});
void panel.start();
window.addEventListener('pagehide', () => panel.stop());
