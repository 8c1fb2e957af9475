/** The main area: whatever page the agent (or a screen pop) opened. */
import { useState } from 'react';
import type { OrgRecord } from '../org/types';
import { ActivityTimeline } from './ActivityTimeline';
import { useHost, useMock, useOrg } from './context';
import { useText } from './i18n';
import { Button, TextInput } from './slds';

export function PageView() {
  const page = useHost((s) => s.page);
  const { host } = useMock();
  const org = useOrg();
  const t = useText().page;
  const back = (
    <button type="button" className="slds-button host__back" onClick={() => host.goTo({ kind: 'home' })}>
      {t.back}
    </button>
  );
  switch (page.kind) {
    case 'home':
      return (
        <section aria-label={t.home}>
          <h1 className="slds-text-heading_medium">{t.records}</h1>
          <RecordTable records={org.records} label={t.allRecords} />
        </section>
      );
    case 'record': {
      const record = org.records.find((r) => r.Id === page.recordId);
      return (
        <section aria-label={t.recordPage} data-record-id={page.recordId}>
          {back}
          {record ? <RecordPage record={record} /> : <p>{t.notFound(page.recordId)}</p>}
        </section>
      );
    }
    case 'search':
      return (
        <section aria-label={t.searchResults}>
          {back}
          <h1 className="slds-text-heading_medium">{t.searchResultsFor(page.searchString)}</h1>
          <RecordTable records={host.search(page.searchString)} label={t.searchResults} />
        </section>
      );
    case 'newRecord':
      return (
        <section aria-label={t.newRecord}>
          {back}
          <h1 className="slds-text-heading_medium">{t.newRecordOf(page.entityName)}</h1>
          <form className="host__new-record" onSubmit={(e) => e.preventDefault()}>
            {Object.entries(page.defaultFieldValues).map(([name, value]) => (
              <TextInput key={name} label={name} defaultValue={value} />
            ))}
            <p className="slds-text-color_weak">{t.newRecordNote}</p>
            <Button onClick={() => host.goTo({ kind: 'home' })}>{t.cancel}</Button>
          </form>
        </section>
      );
    case 'flow':
      return (
        <section aria-label={t.flow}>
          {back}
          <h1 className="slds-text-heading_medium">{t.flowOf(page.flowDevName)}</h1>
          <p className="slds-text-color_weak">{t.flowNote}</p>
        </section>
      );
    case 'url':
      return (
        <section aria-label={t.urlPage}>
          {back}
          <h1 className="slds-text-heading_medium">{t.urlOf(page.url)}</h1>
          <p className="slds-text-color_weak">{t.urlNote}</p>
        </section>
      );
  }
}

function RecordTable({ records, label }: { records: OrgRecord[]; label: string }) {
  const { host } = useMock();
  const text = useText();
  const t = text.page;
  if (records.length === 0) return <p>{t.noRecords}</p>;
  return (
    <table className="slds-table slds-table_bordered slds-table_cell-buffer host__table" aria-label={label}>
      <thead>
        <tr className="slds-line-height_reset">
          <th scope="col">{t.name}</th>
          <th scope="col">{t.object}</th>
          <th scope="col">{t.phone}</th>
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
            <td>{text.objects[r.objectType]}</td>
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
  const t = useText().page;
  const enabled = useHost((s) => s.clickToDialEnabled);
  const phones = Object.entries(record.fields).filter(([name]) => (only ? name === only : /phone/i.test(name)));
  return (
    <>
      {phones.map(([name, value]) =>
        enabled ? (
          <button key={name} type="button" className="host__phone" title={t.callNumber(value, name)} onClick={() => host.clickToDial({ number: value, recordId: record.Id })}>
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
  const text = useText();
  const activities = useActivitiesAsShown(record);
  return (
    <>
      <h1 className="slds-text-heading_medium">
        {record.Name} <small className="slds-text-color_weak">{text.objects[record.objectType]}</small>
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
      <h2 className="slds-text-heading_small host__section-heading">{text.page.activity}</h2>
      <ActivityTimeline tasks={[...activities].reverse()} label={text.page.activityOf(record.Name)} />
    </>
  );
}
