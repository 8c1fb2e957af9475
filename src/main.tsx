/** The panel's entry: what the Visualforce page (and the dev server's index.html) loads. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { BiztelLink } from './biztel/link';
import { toLang } from './app/i18n';
import { readLanguageOverride } from './app/language';
import { PanelApp } from './app/panel-app';
import { createPanelStore } from './app/store';
import { connectHost } from './salesforce/connect';
import { parseLaunchParams } from './salesforce/launch';
import { App } from './ui/App';
import { PanelContext } from './ui/context';
import 'virtual:slds.css';
import './ui/panel.css';

// No code generation: the panel must run under a strict Content-Security-Policy (no 'unsafe-eval').
z.config({ jitless: true });

const launch = parseLaunchParams(window.location.search);
const store = createPanelStore(toLang(document.documentElement.dataset.userLanguage ?? navigator.language), readLanguageOverride());
const app = new PanelApp({
  store,
  launch,
  connectHost: (kind) => connectHost(kind),
  createLink: (serverUrl, options) => new BiztelLink(serverUrl, options),
});
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 2, refetchOnWindowFocus: false } } });

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <PanelContext.Provider value={app}>
        <App />
      </PanelContext.Provider>
    </QueryClientProvider>
  </StrictMode>,
);
void app.start();
window.addEventListener('pagehide', () => app.stop());
