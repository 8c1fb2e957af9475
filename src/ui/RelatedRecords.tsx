import { useId } from 'react';
import { linkedRecordOf, recordChoices, type CallEntry } from '../app';
import { otherPartyNumber } from '../domain/call';
import { displayNumber } from '../domain/phone-format';
import { useCallActions, useT, type Translate } from './context';

const STANDARD_OBJECTS = new Set(['Contact', 'Lead', 'Account', 'Case']);

/**
 * An object's name as Salesforce's UI says it in the agent's language: the standard objects a
 * number search finds by name; another object (a custom one) by its API name, which is what Salesforce gives.
 */
function objectLabel(t: Translate, objectType: string): string {
  return STANDARD_OBJECTS.has(objectType) ? t(`object.${objectType as 'Contact' | 'Lead' | 'Account' | 'Case'}`) : objectType;
}

/**
 * The records the number search found; with several, the agent picks the one the call belongs to.
 * The one the Task links to shows as selected: the agent's pick, the record the call came with (the
 * click-to-call record), or the one chosen for this number last time (listed first, and marked).
 */
export function RelatedRecords({ entry }: { entry: CallEntry }) {
  const t = useT();
  const actions = useCallActions();
  const group = useId();
  const { call } = entry;
  const records = recordChoices(entry);
  const selected = linkedRecordOf(entry)?.recordId ?? null;

  // A withheld number (非通知) was never searched: the card says 非通知, with no "no record matches".
  const number = otherPartyNumber(call);
  let reason: string | null = null;
  if (entry.noPop === 'noMatch') reason = number === null ? null : t('noPop.noMatch', { number: displayNumber(number) });
  else if (entry.noPop) reason = t(`noPop.${entry.noPop}`);

  return (
    // data-searched: whether the number search has answered (end-to-end tests wait on it).
    <div className="records" data-searched={entry.searched}>
      {records.length === 1 && records[0] && (
        <p className="records__single">
          <span className="records__type">{objectLabel(t, records[0].objectType)}</span> {records[0].name}
        </p>
      )}
      {records.length > 1 && (
        <fieldset className="slds-form-element records__choice" role="radiogroup" aria-labelledby={`${group}-legend`}>
          <legend id={`${group}-legend`} className="slds-form-element__legend slds-form-element__label">
            {t('call.relatedRecord')}
          </legend>
          <div className="slds-form-element__control">
            {records.map((record) => (
              <label key={record.recordId} className="records__option">
                <input
                  type="radio"
                  name={group}
                  value={record.recordId}
                  checked={selected === record.recordId}
                  onChange={() => actions.chooseRecord(call.callId, record.recordId)}
                />
                <span>
                  <span className="records__type">{objectLabel(t, record.objectType)}</span> {record.name}
                  {entry.rememberedRecordId === record.recordId && <span className="records__remembered"> ({t('call.relatedRecord.remembered')})</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {reason && <p className="records__why">{reason}</p>}
    </div>
  );
}
