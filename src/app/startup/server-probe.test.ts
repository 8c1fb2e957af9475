import { describe, expect, it } from 'vitest';
import { HttpError } from '../../biztel/http';
import type { Hello } from '../../protocol';
import { probeServer } from './server-probe';

const makeHello = (serverVersion = '3.9.0'): Hello => ({ product: 'BIZTEL', protocol: 1, serverVersion, scheduledUpgrade: null, serverTime: 1 });

const failing = (error: Error) => () => Promise.reject(error);

describe('probing the BIZTEL server over HTTP when the socket fails (the "cannot connect" diagnosis)', () => {
  it('tells "answers HTTP" (the socket is blocked) from "answers something else" from "answers nothing"', async () => {
    expect(await probeServer('https://s.example/', () => Promise.resolve(makeHello('3.8.1')))).toEqual({ kind: 'answered', version: '3.8.1' });
    expect(await probeServer('https://s.example/', failing(new HttpError('status', 'HTTP 404', 404)))).toEqual({ kind: 'status', status: 404 });
    expect(await probeServer('https://s.example/', failing(new HttpError('invalid', 'not JSON')))).toEqual({ kind: 'notBiztel' });
    expect(await probeServer('https://s.example/', failing(new HttpError('unreachable', 'fetch failed')))).toEqual({ kind: 'noAnswer' });
    expect(await probeServer('https://s.example/', failing(new TypeError('blocked by CSP')))).toEqual({ kind: 'noAnswer' });
  });

  it('asks the URL the panel tried', async () => {
    const asked: string[] = [];
    await probeServer('https://s1.u.biztel.jp:8000/', (url) => {
      asked.push(url);
      return Promise.resolve(makeHello());
    });
    expect(asked).toEqual(['https://s1.u.biztel.jp:8000/']);
  });
});
