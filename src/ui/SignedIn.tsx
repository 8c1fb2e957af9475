/**
 * What a signed-in agent sees: loaded after the sign-in screen (its own chunk, with the recent calls'
 * query client), so the first screen downloads only what it shows.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { use } from 'react';
import laterIcons from 'virtual:slds-icons/later';
import signedInStyles from './signed-in.css?url';
import { isOnCall } from '../app';
import { AgentBar } from './AgentBar';
import { CallCard } from './CallCard';
import { DialPad } from './DialPad';
import { Notices } from './Notices';
import { PhoneNotice } from './PhoneNotice';
import { RecentCalls } from './RecentCalls';
import { RingAnnouncer } from './RingAnnouncer';
import { CallActionsContext, usePanel, usePanelApp } from './context';
import { addIcons } from './Icon';
import { loadStylesheet } from './stylesheet';

addIcons(laterIcons);
/** The signed-in views' own rules (signed-in.css): App waits for them before it shows these views. */
export const stylesReady = loadStylesheet(signedInStyles);

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 2, refetchOnWindowFocus: false } } });

export default function SignedIn() {
  const onCall = usePanel(isOnCall);
  // Loaded with these views (the same file): the promise is the panel's, made once.
  const actions = use(usePanelApp().callActions());
  return (
    <CallActionsContext.Provider value={actions}>
      <QueryClientProvider client={queryClient}>
        <AgentBar />
        <Notices>
          <PhoneNotice />
        </Notices>
        <CallCard />
        {!onCall && <DialPad />}
        <RecentCalls />
        <RingAnnouncer />
      </QueryClientProvider>
    </CallActionsContext.Provider>
  );
}
