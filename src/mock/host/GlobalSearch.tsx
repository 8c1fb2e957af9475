import { useState, type SubmitEvent } from 'react';
import { useMock } from './context';
import { useText } from './i18n';
import { Icon } from './slds';

/** Salesforce's global search box: opens a search page (the agent's own search, not a pop). */
export function GlobalSearch() {
  const { host } = useMock();
  const t = useText();
  const [text, setText] = useState('');
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (text.trim() !== '') host.goTo({ kind: 'search', searchString: text.trim() });
  };
  return (
    <form role="search" className="host__search" onSubmit={submit}>
      <input type="search" className="slds-input" aria-label={t.header.searchLabel} placeholder={t.header.searchPlaceholder} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="slds-button slds-button_neutral">
        <Icon name="search" className="slds-button__icon slds-button__icon_left" />
        {t.header.search}
      </button>
    </form>
  );
}
