import { useState, type SubmitEvent } from 'react';
import { useMock } from './context';

/** Salesforce's global search box: opens a search page (the agent's own search, not a pop). */
export function GlobalSearch() {
  const { host } = useMock();
  const [text, setText] = useState('');
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (text.trim() !== '') host.goTo({ kind: 'search', searchString: text.trim() });
  };
  return (
    <form role="search" className="host__search" onSubmit={submit}>
      <input type="search" aria-label="Search Salesforce" placeholder="Search…" value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit">Search</button>
    </form>
  );
}
