import { describe, expect, it } from 'vitest';
import { encodeInteraction, parseInteractionQuery, parseInteractionRequest } from './interaction-wire';

const NONCE = '9f3c0a17b2d44e6f8a51c0de7b3e2f1a9f3c0a17b2d44e6f8a51c0de7b3e2f1a';
/** A message exactly as Salesforce's Classic script writes it: method, arguments, nonce, apiVersion. */
const message = (pairs: string) => `interactionApi/${pairs}&nonce=${NONCE}&apiVersion=31`;

describe("the Classic host reads Salesforce's Classic wire", () => {
  it('reads a call with a callback: NAME_n, named arguments decoded, the sforce.interaction name', () => {
    expect(parseInteractionRequest(message('method=searchAndScreenPop_3&searchParams=0355550101&queryParams=biztelCallId%3DBZ%201&callType=inbound'), NONCE)).toEqual({
      wireMethod: 'searchAndScreenPop',
      api: 'searchAndScreenPop',
      callbackId: 3,
      listener: false,
      apiVersion: 31,
      args: { searchParams: '0355550101', queryParams: 'biztelCallId=BZ 1', callType: 'inbound' },
    });
  });

  it('names the cti methods as sforce.interaction.cti does, and keeps listeners and notifyInitializationComplete bare', () => {
    expect(parseInteractionRequest(message('method=getCallCenterSettings_0'), NONCE)).toMatchObject({ api: 'cti.getCallCenterSettings', callbackId: 0, args: {} });
    expect(parseInteractionRequest(message('method=onClickToDial'), NONCE)).toMatchObject({ api: 'cti.onClickToDial', callbackId: null, listener: true });
    expect(parseInteractionRequest(message('method=onFocus'), NONCE)).toMatchObject({ api: 'onFocus', listener: true });
    expect(parseInteractionRequest(message('method=notifyInitializationComplete'), NONCE)).toMatchObject({ api: 'cti.notifyInitializationComplete', callbackId: null });
  });

  it('takes the arguments the script sends only when truthy, and "undefined" for one left out', () => {
    expect(parseInteractionRequest(message('method=getDirectoryNumbers_5&isGlobal=false&resultSetPageSize=5000'), NONCE)).toMatchObject({
      args: { isGlobal: 'false', resultSetPageSize: '5000' },
    });
    expect(parseInteractionRequest(message('method=searchAndScreenPop_6&searchParams=x&queryParams=undefined&callType=inbound'), NONCE)).toMatchObject({
      args: { queryParams: 'undefined' },
    });
  });

  it("undoes saveLog's second encoding of saveParams", () => {
    const saveParams = 'Subject=着信 03&Description=a+b%';
    const wire = message(`method=saveLog_7&objectName=Task&saveParams=${encodeURIComponent(encodeURIComponent(saveParams))}`);
    expect(parseInteractionRequest(wire, NONCE)).toMatchObject({ args: { objectName: 'Task', saveParams } });
  });

  it.each([
    [{ method: 'getCallCenterSettings_0' }, 'not a string'],
    ['getCallCenterSettings_0', 'not an interactionApi/ message'],
    ['entityFeedApi/{}', 'not an interactionApi/ message'],
    ['interactionApi/', 'empty query'],
    ['interactionApi/method=getCallCenterSettings_0&apiVersion=31', 'no nonce'],
    [`interactionApi/method=getCallCenterSettings_0&nonce=${NONCE.slice(1)}x&apiVersion=31`, 'wrong nonce'],
    [`interactionApi/method=getCallCenterSettings_0&nonce=${NONCE}`, 'apiVersion is not a version number'],
    [`interactionApi/method=getCallCenterSettings_0&nonce=${NONCE}&apiVersion=31.0`, 'apiVersion is not a version number'],
    [message('method=deleteEverything_1'), 'unknown method deleteEverything_1'],
    [message('method=toString_1'), 'unknown method toString_1'],
    [message('method=hasOwnProperty'), 'unknown method hasOwnProperty'],
    [message('method=getCallCenterSettings_x'), 'unknown method getCallCenterSettings_x'],
    [message('method=onClickToDial_4'), 'listener onClickToDial registered with a callback number'],
    [message('method=notifyInitializationComplete_2'), 'notifyInitializationComplete takes no callback'],
    [message('method=getPageInfo_01'), 'callback number 01 is not a counter'],
    [message('method=getPageInfo_1&url=x'), 'getPageInfo: unknown argument url'],
    [message('method=runApex_1&apexClass=A&methodName=m'), 'runApex: argument methodParams missing'],
    [message('method=getPageInfo_1&method=getPageInfo_2'), 'method given twice'],
    [message('method=runApex_1&apexClass=A&methodName=m&methodParams=%E3%81'), 'methodParams is not percent-encoded UTF-8'],
    [message('method=runApex_1&apexClass=A&methodName=m&methodParams=a=b'), '"methodParams=a=b" is not key=value'],
    [message('method=getPageInfo_1&flag'), '"flag" is not key=value'],
    [message('method=getPageInfo_1&a%20b=1'), 'odd key "a%20b"'],
    [message('method=saveLog_1&objectName=Task&saveParams=%25'), 'saveLog: saveParams is not encoded twice'],
  ])('refuses a message the script would never send: %j', (data, reason) => {
    expect(parseInteractionRequest(data, NONCE)).toBe(reason);
  });

  it('refuses everything while it knows no nonce (no panel framed)', () => {
    expect(parseInteractionRequest(message('method=getCallCenterSettings_0'), null)).toBe('wrong nonce');
  });

  it('encodes answers so that splitting on & and = and decoding gives every value back', () => {
    const awkward = 'a=b&c+d %25 "引用" 日本語 😀';
    const wire = encodeInteraction([['method', 'runApex_9'], ['result', awkward], ['error', '']]);
    expect(wire).toMatch(/^interactionApi\/method=runApex_9&result=[^&=]+&error=$/);
    expect(parseInteractionQuery(wire.slice('interactionApi/'.length))).toEqual(new Map([['method', 'runApex_9'], ['result', awkward], ['error', '']]));
  });
});
