/**
 * What a failed Salesforce call means for the panel. Lightning gives an Open CTI error code;
 * Classic's interaction.js reports every error as text, which our host turns into SERVER_ERROR with
 * the original code, if any, at the start of the message ("GENERIC_ERROR: No access…"): that code wins.
 */
import { HostError, type HostErrorCode } from '../../salesforce/types';

const TEXT_CODES: readonly HostErrorCode[] = ['SERVER_ERROR', 'GENERIC_ERROR', 'INVALID_PARAM', 'SOFTPHONE_CONTAINER_ERROR'];

function effectiveCode(error: unknown): HostErrorCode | null {
  if (!(error instanceof HostError)) return null;
  if (error.code !== 'SERVER_ERROR') return error.code;
  const inText = TEXT_CODES.find((code) => error.message.startsWith(code));
  return inText ?? 'SERVER_ERROR';
}

/** A failure as the panel shows it: the Open CTI code first, when there is one. */
export function errorText(error: unknown): string {
  if (error instanceof HostError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** Looks like the Salesforce session (after Salesforce's session timeout): SERVER_ERROR, as an expired session answers. */
export const isSessionError = (error: unknown): boolean => effectiveCode(error) === 'SERVER_ERROR';

/**
 * Salesforce understood the request and refused it (a field value, a missing record, no access):
 * sending the same again will fail the same way until someone changes something.
 */
export const isRefusal = (error: unknown): boolean => {
  const code = effectiveCode(error);
  return code === 'GENERIC_ERROR' || code === 'INVALID_PARAM';
};
