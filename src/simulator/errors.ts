import type { ErrorCode } from '../protocol';

/** A command the PBX refuses; becomes `{ ok: false, error: { code, message } }` on the wire. */
export class PbxError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PbxError';
  }
}
