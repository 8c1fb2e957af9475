/** An error the fake org answers with, under one of Open CTI's error codes. */
export class OrgError extends Error {
  constructor(
    readonly code: 'INVALID_PARAM' | 'GENERIC_ERROR' | 'SERVER_ERROR',
    message: string,
  ) {
    super(message);
  }
}
