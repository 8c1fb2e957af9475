/** What both hosts' wires share: where answers go, and how messages are shown in the log. */
import type { HostResponse } from '../wire';
import type { OpResult } from './host-core';
import { InvalidParam } from './pages';

/** Where a panel instance listens: its frame in this window, or the pop-out window's relay. */
export interface PanelPort<M = Record<string, unknown>> {
  /** Shown in the log: `docked`, `left pane`, `pop-out`. */
  readonly name: string;
  /** Lightning posts objects, Classic strings. */
  post(message: M): void;
}

export function invalid(description: string): never {
  throw new InvalidParam(description);
}

/**
 * The panel's size in pixels as both APIs set it (Lightning setSoftphonePanelHeight/Width, Classic
 * cti.setSoftphoneHeight/Width): Salesforce's documented ranges, else INVALID_PARAM.
 */
const PANEL_SIZE = { height: [240, 2560], width: [200, 1920] } as const;
export function panelSize(dimension: keyof typeof PANEL_SIZE, value: unknown): number {
  const [min, max] = PANEL_SIZE[dimension];
  const px = typeof value === 'number' || typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isInteger(px) || px < min || px > max) invalid(`${dimension} must be ${min}–${max} pixels.`);
  return px;
}

export function toResponse(result: OpResult): HostResponse {
  return result.ok
    ? { success: true, returnValue: result.value, errors: null }
    : { success: false, returnValue: null, errors: [{ code: result.code, description: result.description }] };
}

/** A message as log text, whatever it is (it may come from anywhere); long ones are cut. */
export function describeData(data: unknown): string {
  let text: string;
  try {
    text = typeof data === 'string' ? JSON.stringify(data) : (JSON.stringify(data) ?? String(data));
  } catch {
    text = Object.prototype.toString.call(data);
  }
  return text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
}

/**
 * A checked message in one line a person can scan and filter: method, call id, outcome, then the
 * message itself (for bug reports, unabridged up to 4000 characters).
 */
export function summarize(message: Record<string, unknown>): string {
  const method = typeof message.methodName === 'string' ? message.methodName : '?';
  const callId = typeof message.callId === 'number' ? ` #${message.callId}` : '';
  const response = message.response as { success?: unknown; errors?: { code?: unknown }[] | null; error?: unknown } | undefined;
  let outcome = '';
  if (response && typeof response === 'object' && 'success' in response) {
    const code = response.errors?.[0]?.code;
    outcome = response.success === true ? ' ok' : ` ${typeof code === 'string' ? code : 'failed'}`;
  }
  else if (response && typeof response === 'object' && 'error' in response) outcome = ' error';
  else if (message.shouldExecuteListener === true || 'event' in message) outcome = ' (listener event)';
  return `${method}${callId}${outcome} ${describeData(message)}`;
}

/**
 * Salesforce's first checks on a message from the softphone: it comes from the softphone's origin
 * and from the softphone's own window. Returns why not, or null when it does.
 */
export function checkSender(event: MessageEvent<unknown>, panelOrigin: string, panelWindow: Window | null | undefined): string | null {
  if (event.origin !== panelOrigin) return `from ${event.origin || '(opaque origin)'}: not the softphone's origin (${panelOrigin})`;
  if (!panelWindow || event.source !== panelWindow) return `from ${event.origin}: not the softphone's frame`;
  return null;
}
