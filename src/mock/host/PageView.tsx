/** The main area: whatever page the agent (or a screen pop) opened. */
import { useState } from 'react';
import type { OrgRecord } from '../org/types';
import { OBJECT_LABELS } from '../org/seed';
import { ActivityTimeline } from './ActivityTimeline';
import { useHost, useMock, useOrg } from './context';

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
          <RecordTable records={org.records} label="All records" />
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
    case 'search':
      return (
        <section aria-label="Search results">
          {back}
          <h1>Search results for “{page.searchString}”</h1>
          <RecordTable records={host.search(page.searchString)} label="Search results" />
        </section>
      );
    case 'newRecord':
      return (
        <section aria-label="New record">
          {back}
          <h1>New {page.entityName}</h1>
          <form className="host__new-record" onSubmit={(e) => e.preventDefault()}>
            {Object.entries(page.defaultFieldValues).map(([name, value]) => (
              <label key={name}>
                {name}
                <input defaultValue={value} />
              </label>
            ))}
            <p>(the new-record form the softphone layout pops; saving is not simulated)</p>
            <button type="button" onClick={() => host.goTo({ kind: 'home' })}>
              Cancel
            </button>
          </form>
        </section>
      );
    case 'flow':
      return (
        <section aria-label="Flow">
          {back}
          <h1>Flow: {page.flowDevName}</h1>
          <p>(placeholder for the screen flow the softphone layout pops)</p>
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

function RecordTable({ records, label }: { records: OrgRecord[]; label: string }) {
  const { host } = useMock();
  if (records.length === 0) return <p>No records.</p>;
  return (
    <table className="host__table" aria-label={label}>
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
            <td>{OBJECT_LABELS[r.objectType]}</td>
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
function PhoneLinks({ record, only }: { record: OrgRecord; only?: string }) {
  const { host } = useMock();
  const enabled = useHost((s) => s.clickToDialEnabled);
  const phones = Object.entries(record.fields).filter(([name]) => (only ? name === only : /phone/i.test(name)));
  return (
    <>
      {phones.map(([name, value]) =>
        enabled ? (
          <button key={name} type="button" className="host__phone" title={`Call ${value} (${name})`} onClick={() => host.clickToDial({ number: value, recordId: record.Id })}>
            {value}
          </button>
        ) : (
          <span key={name} className="host__phone-text">
            {value}
          </span>
        ),
      )}
    </>
  );
}

/**
 * The record's activities as of the moment the page was shown: opened, or refreshed by the panel
 * (refreshView; refreshPage or refreshRelatedList in Classic). A Task written meanwhile shows only after
 * a refresh, as in Salesforce; the Activity tab of the QA tools shows every Task live.
 */
function useActivitiesAsShown(record: OrgRecord) {
  const org = useOrg();
  const shownAt = useHost((s) => s.pageShownAt);
  const page = useHost((s) => s.page); // a new page object each time a page is opened, the same record too
  const [shown, setShown] = useState<{ page: unknown; shownAt: number; tasks: typeof org.tasks } | null>(null);
  if (shown?.page !== page || shown.shownAt !== shownAt) {
    const tasks = org.tasks.filter((t) => t.WhoId === record.Id || t.WhatId === record.Id);
    setShown({ page, shownAt, tasks });
    return tasks;
  }
  return shown.tasks;
}

function RecordPage({ record }: { record: OrgRecord }) {
  const org = useOrg();
  const { host } = useMock();
  const activities = useActivitiesAsShown(record);
  return (
    <>
      <h1>
        {record.Name} <small>{OBJECT_LABELS[record.objectType]}</small>
      </h1>
      <dl className="host__fields">
        {Object.entries(record.fields).map(([name, value]) => {
          const related = org.records.find((r) => r.Id === value);
          return (
            <div key={name}>
              <dt>{name}</dt>
              <dd>
                {/phone/i.test(name) ? (
                  <PhoneLinks record={record} only={name} />
                ) : related ? (
                  <button type="button" className="host__link" onClick={() => host.navigate(related.Id)}>
                    {related.Name}
                  </button>
                ) : (
                  value
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <h2>Activity</h2>
      <ActivityTimeline tasks={[...activities].reverse()} label={`Activity of ${record.Name}`} />
    </>
  );
}
