/**
 * The pop-out window's side: it frames the softphone, applies Salesforce's sender checks to every
 * message from it, and relays the rest to the page that popped it out (which runs the host).
 */
import { parseLightningRequest } from '../wire';
import { channelName, parseToPopout, type ToPage } from './popout-channel';
import { checkSender, describeData } from './wire-common';

export interface PopoutRelay {
  /** The softphone frame was (re)created: a new panel instance, nothing registered yet. */
  frameMounted(): void;
  popIn(): void;
  stop(): void;
}

export function startPopoutRelay(popoutId: string, panelOrigin: string, frame: () => HTMLIFrameElement | null): PopoutRelay {
  const channel = new BroadcastChannel(channelName(popoutId));
  const listeners = new Set<string>();
  let initialized = false;
  const send = (message: ToPage) => channel.postMessage(message);
  const hello = () => send({ kind: 'hello', listeners: [...listeners], initialized });

  const onMessage = (event: MessageEvent<unknown>) => {
    const refused = checkSender(event, panelOrigin, frame()?.contentWindow);
    if (refused) {
      send({ kind: 'dropped', text: `${refused} ${describeData(event.data)}` });
      return;
    }
    // Remembered so that a reloaded page can take over this panel as it is.
    const request = parseLightningRequest(event.data);
    if (typeof request !== 'string') {
      if (request.isListenerRegistered) listeners.add(request.methodName);
      if (request.methodName === 'notifyInitializationComplete') initialized = true;
    }
    send({ kind: 'message', data: event.data });
  };
  window.addEventListener('message', onMessage);

  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = parseToPopout(event.data);
    if (!message) return;
    if (message.kind === 'post') frame()?.contentWindow?.postMessage(message.message, panelOrigin);
    else if (message.kind === 'who') hello();
    else window.close();
  };
  const onPageHide = () => send({ kind: 'bye', final: false });
  window.addEventListener('pagehide', onPageHide);
  hello();

  return {
    frameMounted: () => {
      listeners.clear();
      initialized = false;
    },
    popIn: () => {
      window.removeEventListener('pagehide', onPageHide);
      send({ kind: 'bye', final: true });
      window.close();
    },
    stop: () => {
      window.removeEventListener('message', onMessage);
      window.removeEventListener('pagehide', onPageHide);
      channel.close();
    },
  };
}
