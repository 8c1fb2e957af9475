/**
 * Salesforce's limits on the Task fields a call log writes. A log over a limit is refused as a
 * whole, and would be retried for ever, so the builder fits every field: Subject and
 * CallDisposition are text(255), Description a long text area of 32,000 characters, the recording
 * link a URL(255). CallObject (text 255) is the BIZTEL call id, which the protocol already bounds to
 * 100 characters; it is the key the log is upserted on, so it is never cut (two cut ids could meet). Limits are counted in UTF-16 units, as JavaScript and the Apex String do.
 */
import type { TaskFields } from './call-log';

// With its extension: the build's own tools load this module outside the bundler.
import { TASK_LIMITS } from './task-field-limits.ts';

export { TASK_LIMITS };

const ELLIPSIS = '…';

/** `text` cut to `max` units with an ellipsis, never splitting a surrogate pair. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // a high surrogate whose pair would be cut off
  return text.slice(0, end) + ELLIPSIS;
}

/**
 * The notes give way, not the recording line: when Description ends with the recording link's line,
 * that line is kept whole and the notes before it are cut.
 */
function fitDescription(description: string, recordingUrl: string | undefined): string {
  const max = TASK_LIMITS.Description;
  if (description.length <= max) return description;
  const lastBreak = description.lastIndexOf('\n');
  const tail = recordingUrl && lastBreak >= 0 && description.endsWith(recordingUrl) ? description.slice(lastBreak) : '';
  return fitText(description.slice(0, description.length - tail.length), max - tail.length) + tail;
}

export function fitTaskFields(task: TaskFields): TaskFields {
  const fitted: TaskFields = {
    ...task,
    Subject: fitText(task.Subject, TASK_LIMITS.Subject),
    CallDisposition: fitText(task.CallDisposition, TASK_LIMITS.CallDisposition),
    Description: fitDescription(task.Description, task.BIZTEL_Recording_URL__c),
  };
  // A cut link is a broken link: leave the field out (the link stays in Description).
  if (task.BIZTEL_Recording_URL__c !== undefined && task.BIZTEL_Recording_URL__c.length > TASK_LIMITS.BIZTEL_Recording_URL__c) delete fitted.BIZTEL_Recording_URL__c;
  return fitted;
}
