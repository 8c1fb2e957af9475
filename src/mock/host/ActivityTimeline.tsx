/** Tasks as Salesforce's activity timeline shows them: every field the package writes, the recording. */
import { useOrg } from './context';
import { useText } from './i18n';

const show = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

/** The fields shown for each Task, in this order; others follow. */
const FIELDS = [
  'CallType',
  'CallDurationInSeconds',
  'CallDisposition',
  'CallObject',
  'Status',
  'ActivityDate',
  'WhoId',
  'WhatId',
  'OwnerId',
  'TaskSubtype',
  'BIZTEL_Recording_URL__c',
  'CreatedDate',
  'LastModifiedDate',
];
const HIDDEN = new Set(['Id', 'Subject', 'Description']);

export function ActivityTimeline({ tasks, label }: { tasks: Record<string, unknown>[]; label: string }) {
  const org = useOrg();
  const t = useText().activity;
  const nameOf = (id: string) => org.records.find((r) => r.Id === id)?.Name ?? org.users.find((u) => u.Id === id)?.Name;
  if (tasks.length === 0) return <p>{t.none}</p>;
  return (
    <ol className="host__tasks" aria-label={label}>
      {tasks.map((task) => {
        const id = show(task.Id);
        const names = [...FIELDS.filter((f) => f in task), ...Object.keys(task).filter((f) => !FIELDS.includes(f) && !HIDDEN.has(f))];
        const recording = show(task.BIZTEL_Recording_URL__c);
        return (
          <li key={id} data-task-id={id}>
            <article aria-label={t.task(show(task.Subject) || id)} className="host__task">
              <h3 className="slds-text-heading_small">
                {show(task.Subject) || t.noSubject} <small className="slds-text-color_weak">{id}</small>
              </h3>
              <dl className="host__fields">
                {names.map((name) => {
                  const value = show(task[name]);
                  const linked = /Id$/.test(name) && name !== 'Id' ? nameOf(value) : undefined;
                  return (
                    <div key={name}>
                      <dt className="slds-text-color_weak">{name}</dt>
                      <dd>{linked ? `${linked} (${value})` : value}</dd>
                    </div>
                  );
                })}
              </dl>
              {recording && (
                <a href={recording} target="_blank" rel="noreferrer">
                  {t.recording}
                </a>
              )}
              {show(task.Description) !== '' && <pre aria-label={t.description}>{show(task.Description)}</pre>}
            </article>
          </li>
        );
      })}
    </ol>
  );
}

/** Every Task in the org, newest first. */
export function AllActivity() {
  const tasks = useOrg().tasks;
  const t = useText().activity;
  const sorted = [...tasks].sort((a, b) => show(b.CreatedDate).localeCompare(show(a.CreatedDate)) || show(b.Id).localeCompare(show(a.Id)));
  return (
    <section aria-label={t.region}>
      <h2 className="slds-text-heading_small">{t.heading(tasks.length)}</h2>
      <ActivityTimeline tasks={sorted} label={t.allTasks} />
    </section>
  );
}
