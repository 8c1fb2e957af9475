import { describe, expect, it } from 'vitest';
import { parseLightningRequest } from './wire';

const lightning = {
  methodName: 'searchAndScreenPop',
  callId: 3,
  apiVersion: 57,
  apiType: 'opencti',
  isCallbackRegistered: true,
  isListenerRegistered: false,
  args: { searchParams: '0355550101', callType: 'inbound' },
};

describe('the hosts check the shape of every Open CTI message', () => {
  it('accepts a Lightning request as opencti_min.js sends it', () => {
    expect(parseLightningRequest(lightning)).toEqual(lightning);
  });

  it.each([
    [null, 'not an object'],
    [[lightning], 'not an object'],
    [{ ...lightning, apiType: 'interaction' }, 'apiType is not opencti'],
    [{ ...lightning, methodName: 'toString' }, 'unknown methodName toString'],
    [{ ...lightning, methodName: 'hasOwnProperty' }, 'unknown methodName hasOwnProperty'],
    [{ ...lightning, callId: 1.5 }, 'callId is not a counter'],
    [{ ...lightning, apiVersion: Number.NaN }, 'apiVersion is not a number'],
    [{ ...lightning, isListenerRegistered: undefined }, 'registration flags missing'],
    [{ ...lightning, args: null }, 'args is not an object'],
  ])('refuses a message that is wrong: %$', (message, reason) => {
    expect(parseLightningRequest(message)).toBe(reason);
  });
});
