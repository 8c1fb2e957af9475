import type { OrgRecord } from '../org/types';
import { useHost, useMock, useOrg } from './context';

/** The main area: whatever page the agent (or a screen pop) opened. */
export function PageView() {
  const page = useHost((s) => s.page);
  const { host } = useMock();
  const org = useOrg();
  const back = (
    <button type="button" className="host__link" onClick={() => host.goTo({ kind: 'home' })}>
      ← Home
    </button>
  );
  switch (page.kind) {
    case 'home':
      return (
        <section aria-label="Home">
          <h1>Records</h1>
          <RecordTable records={org.records} />
        </section>
      );
    case 'record': {
      const record = org.records.find((r) => r.Id === page.recordId);
      return (
        <section aria-label="Record page" data-record-id={page.recordId}>
          {back}
          {record ? <RecordPage record={record} /> : <p>Record {page.recordId} was not found.</p>}
        </section>
      );
    }
    case 'search': {
      const digits = page.searchString.replace(/\D/g, '');
      const found = org.records.filter(
        (r) => (digits && Object.values(r.fields).some((v) => v.replace(/\D/g, '') === digits)) || (!digits && r.Name.includes(page.searchString)),
      );
      return (
        <section aria-label="Search results">
          {back}
          <h1>Search results for “{page.searchString}”</h1>
          <RecordTable records={found} />
        </section>
      );
    }
    case 'newRecord':
      return (
        <section aria-label="New record">
          {back}
          <h1>New {page.entityName}</h1>
          <dl>
            {Object.entries(page.defaultFieldValues).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      );
    case 'flow':
      return (
        <section aria-label="Flow">
          {back}
          <h1>Flow: {page.flowDevName}</h1>
          <p>(placeholder for the Lightning flow the softphone layout pops)</p>
        </section>
      );
    case 'url':
      return (
        <section aria-label="Page">
          {back}
          <h1>Page {page.url}</h1>
          <p>(placeholder for the Visualforce page or URL the softphone layout pops)</p>
        </section>
      );
  }
}

function RecordTable({ records }: { records: OrgRecord[] }) {
  const { host } = useMock();
  return (
    <table className="host__table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Object</th>
          <th>Phone</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.Id}>
            <td>
              <button type="button" className="host__link" onClick={() => host.navigate(r.Id)}>
                {r.Name}
              </button>
            </td>
            <td>{r.objectType}</td>
            <td>
              <PhoneLinks record={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Phone fields are links while the panel has click-to-dial enabled, as in Salesforce. */
function PhoneLinks({ record }: { record: OrgRecord }) {
  const { host } = useMock();
  const enabled = useHost((s) => s.clickToDialEnabled);
  const phones = Object.entries(record.fields).filter(([name]) => /phone/i.test(name));
  return (
    <>
      {phones.map(([name, value]) =>
        enabled ? (
          <button key={name} type="button" className="host__phone" title={`Call ${value}`} onClick={() => host.clickToDial({ number: value, recordId: record.Id })}>
            {value}
          </button>
        ) : (
          <span key={name}>{value}</span>
        ),
      )}
    </>
  );
}

function RecordPage({ record }: { record: OrgRecord }) {
  const org = useOrg();
  const activities = org.tasks.filter((t) => t.WhoId === record.Id || t.WhatId === record.Id);
  return (
    <>
      <h1>
        {record.Name} <small>{record.objectType}</small>
      </h1>
      <dl className="host__fields">
        {Object.entries(record.fields).map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{/phone/i.test(name) ? <PhoneLinks record={{ ...record, fields: { [name]: value } }} /> : value}</dd>
          </div>
        ))}
      </dl>
      <h2>Activity</h2>
      {activities.length === 0 ? <p>No activities.</p> : <TaskList tasks={activities} />}
    </>
  );
}

const show = (value: unknown, empty = ''): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : empty;

export function TaskList({ tasks }: { tasks: Record<string, unknown>[] }) {
  return (
    <ul className="host__tasks">
      {tasks.map((t) => (
        <li key={show(t.Id)} data-task-id={show(t.Id)}>
          <strong>{show(t.Subject, '')}</strong> · {show(t.CallType, '')} · {show(t.CallDurationInSeconds, '0')}s · {show(t.CallDisposition, '')}
          {typeof t.BIZTEL_Recording_URL__c === 'string' && (
            <>
              {' '}
              · <a href={t.BIZTEL_Recording_URL__c}>recording</a>
            </>
          )}
          <br />
          <small>
            {show(t.Id)} · CallObject {show(t.CallObject, '')} · Who {show(t.WhoId, '-')} · What {show(t.WhatId, '-')} · Owner {show(t.OwnerId)}
          </small>
          {typeof t.Description === 'string' && t.Description !== '' && <pre>{t.Description}</pre>}
        </li>
      ))}
    </ul>
  );
}
