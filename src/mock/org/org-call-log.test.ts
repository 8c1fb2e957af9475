/** The fake org's call log upsert, as the package's Apex runs it: decoded parameters, the lock row, one Task per call and owner. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { apexMethodParams } from '../../salesforce/apex-params';
import { createOrgApi } from './api';
import { FakeOrg, callKey, type FakeOrgOptions } from './org';
import type { Task } from './types';

const CLASS = 'BIZTELOpenCTIController';
/** Notes with everything URL encodings disagree on, and text outside ASCII. */
const NOTES = `Call back at 10:00 + 30 min; 100% sure & "urgent" = 'yes'\n山田様 📞🙏 a+b a%2Bb`;

const newOrg = (options?: FakeOrgOptions) => new FakeOrg('http://localhost:8000/', options);
const logParams = (fields: Record<string, unknown>) => apexMethodParams({ log: JSON.stringify(fields) });
/** A Task without the times of its writing, to compare Tasks written at different moments. */
const timeless = (task: Task) => Object.fromEntries(Object.entries(task).filter(([name]) => name !== 'CreatedDate' && name !== 'LastModifiedDate'));

describe('the call log upsert of the fake org', () => {
  it('writes identical Tasks whether methodParams arrives as sent, percent-decoded, or with + read as a space', async () => {
    const sent = logParams({ CallObject: 'BZ+ 1', Subject: '着信 + 03-5555-0101', Description: NOTES, TaskSubtype: 'Call', CallDurationInSeconds: 5 });
    const receptions = [sent, decodeURIComponent(sent), sent.replace(/\+/g, ' ')];
    const written = [];
    for (const received of receptions) {
      const org = newOrg();
      const user = org.user('agent01');
      await org.apex(user, 'en_US', CLASS, 'upsertCallLog', received);
      written.push(org.snapshot().tasks.map(timeless));
    }
    expect(written[0]).toEqual([expect.objectContaining({ CallObject: 'BZ+ 1', Description: NOTES, BIZTEL_Call_And_Owner__c: callKey('BZ+ 1', '0055555000001AA') })]);
    expect(written[1]).toEqual(written[0]);
    expect(written[2]).toEqual(written[0]);
  });

  it('two simultaneous first writes of one call give one Task, the later one updating it', async () => {
    const org = newOrg();
    const user = org.user('agent01');
    const hold = org.holdCallLogWrites();
    const first = org.upsertCallLog(user, { CallObject: 'BZ1', Subject: 'first', TaskSubtype: 'Call' });
    const second = org.upsertCallLog(user, { CallObject: 'BZ1', Subject: 'second', TaskSubtype: 'Call' });
    await expect.poll(() => hold.begun()).toBe(2);
    hold.release();
    const ids = await Promise.all([first, second]);
    expect(ids[0]).toBe(ids[1]);
    expect(org.snapshot().tasks).toEqual([expect.objectContaining({ Id: ids[0], Subject: 'second', TaskSubtype: 'Call' })]);
    expect(org.callLogLockKeys()).toEqual([callKey('BZ1', user.Id)]);
  });

  it('without the lock row the same two writes give two Tasks: the test above can fail', async () => {
    const org = newOrg({ callLogLock: false });
    const user = org.user('agent01');
    const hold = org.holdCallLogWrites();
    const writes = [org.upsertCallLog(user, { CallObject: 'BZ1', Subject: 'first' }), org.upsertCallLog(user, { CallObject: 'BZ1', Subject: 'second' })];
    await expect.poll(() => hold.begun()).toBe(2);
    hold.release();
    await Promise.all(writes);
    expect(org.snapshot().tasks).toHaveLength(2);
  });

  it('keeps one Task per call and owner: another agent of the same call has their own', async () => {
    const org = newOrg();
    const [a, b] = [org.user('agent01'), org.user('agent02')];
    await Promise.all([org.upsertCallLog(a, { CallObject: 'BZ1' }), org.upsertCallLog(b, { CallObject: 'BZ1' }), org.upsertCallLog(a, { CallObject: 'BZ2' })]);
    const tasks = org.snapshot().tasks;
    expect(tasks.map((t) => [t.CallObject, t.OwnerId]).sort()).toEqual([['BZ1', a.Id], ['BZ1', b.Id], ['BZ2', a.Id]].sort());
  });

  it('sets TaskSubtype only when it creates the Task', async () => {
    const org = newOrg();
    const user = org.user('agent01');
    await org.upsertCallLog(user, { CallObject: 'BZ1', Description: 'first' });
    await org.upsertCallLog(user, { CallObject: 'BZ1', Description: 'later', TaskSubtype: 'Call' });
    expect(org.snapshot().tasks).toEqual([expect.not.objectContaining({ TaskSubtype: 'Call' })]);
    expect(org.snapshot().tasks[0]?.Description).toBe('later');
  });

  it('fillCallLog keeps what the Task has and fills only what it lacks; it creates the Task when there is none', async () => {
    const org = newOrg();
    const user = org.user('agent01');
    await org.upsertCallLog(user, { CallObject: 'BZ1', Description: 'Wants a call back', CallDisposition: 'Call back on Monday' });
    const fill = (fields: Record<string, unknown>) => org.apex(user, 'en_US', CLASS, 'fillCallLog', `log=${Buffer.from(JSON.stringify(fields)).toString('base64url')}`);
    await fill({ CallObject: 'BZ1', Description: 'Recording: x', CallDisposition: 'Completed', BIZTEL_Recording_URL__c: 'https://s0.u.biztel.jp:8000/monitor_link/1' });
    await fill({ CallObject: 'BZ2', Description: 'Recording: y' });
    expect(org.snapshot().tasks.map((t) => [t.CallObject, t.Description, t.CallDisposition, t.BIZTEL_Recording_URL__c])).toEqual([
      ['BZ1', 'Wants a call back', 'Call back on Monday', 'https://s0.u.biztel.jp:8000/monitor_link/1'],
      ['BZ2', 'Recording: y', undefined, undefined],
    ]);
  });

  it('writes nothing, and holds no lock, when a log is refused', async () => {
    const org = newOrg();
    const user = org.user('agent01');
    await expect(org.upsertCallLog(user, { CallObject: 'BZ1', WhoId: '0035555999999ZZ' })).rejects.toThrow(/FIELD_INTEGRITY_EXCEPTION/);
    await expect(org.upsertCallLog(user, { CallObject: 'x'.repeat(201) })).rejects.toThrow(/CallObject/);
    expect(org.snapshot().tasks).toEqual([]);
    expect(await org.upsertCallLog(user, { CallObject: 'BZ1' })).toMatch(/^00T/);
  });
});

describe('the call log upsert through the org API (two requests at once)', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('two runApex requests for one call leave one Task', async () => {
    const org = newOrg();
    const api = createOrgApi(org, { simulatorUrl: 'http://localhost:8000/' });
    server = createServer((req, res) => api(req, res, () => res.writeHead(404).end()));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/__mock/api/apex`;
    const post = (subject: string) =>
      fetch(url, {
        method: 'POST',
        body: JSON.stringify({ user: 'agent01', language: 'en_US', apexClass: CLASS, methodName: 'upsertCallLog', methodParams: logParams({ CallObject: 'BZ9', Subject: subject }) }),
      }).then((r) => r.json() as Promise<{ result: string }>);
    const hold = org.holdCallLogWrites();
    const answers = Promise.all([post('one'), post('two')]);
    await expect.poll(() => hold.begun()).toBe(2);
    hold.release();
    const [one, two] = await answers;
    expect(one.result).toMatch(/^00T/);
    expect(two.result).toBe(one.result);
    expect(org.snapshot().tasks).toHaveLength(1);
  });
});
