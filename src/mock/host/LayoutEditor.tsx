/**
 * The softphone layout editor (Setup → Softphone Layouts): per call type, the objects searched and
 * what pops on no match, one match and several. Changes apply to the next search.
 */
import { useState } from 'react';
import { OBJECT_TYPES } from '../org/layout-schema';
import { OBJECT_FIELDS, OBJECT_LABELS, seedLayout } from '../org/seed';
import type { LayoutForCallType, ScreenPopSetting, ScreenPopType, SoftphoneLayout } from '../org/types';
import { useMock, useOrg } from './context';
import { SaveResult } from './SetupPanel';

type CallTypeName = keyof SoftphoneLayout;
type MatchCase = 'NoMatch' | 'SingleMatch' | 'MultipleMatches';

const CASES: { key: MatchCase; label: string; choices: { value: ScreenPopType; label: string }[] }[] = [
  {
    key: 'NoMatch',
    label: 'No match',
    choices: [
      { value: 'PopToEntity', label: 'Pop to new record' },
      { value: 'PopToSearch', label: 'Pop to search page' },
      { value: 'PopToVisualforce', label: 'Pop to Visualforce page' },
      { value: 'PopToFlow', label: 'Pop to flow' },
    ],
  },
  {
    key: 'SingleMatch',
    label: 'Single match',
    choices: [
      { value: 'PopToEntity', label: 'Pop to record page' },
      { value: 'PopToVisualforce', label: 'Pop to Visualforce page' },
      { value: 'PopToFlow', label: 'Pop to flow' },
    ],
  },
  {
    key: 'MultipleMatches',
    label: 'Multiple matches',
    choices: [
      { value: 'PopToSearch', label: 'Pop to search page' },
      { value: 'PopToVisualforce', label: 'Pop to Visualforce page' },
      { value: 'PopToFlow', label: 'Pop to flow' },
    ],
  },
];

/** What the data field of a pop setting names, if it has one. */
function dataLabel(matchCase: MatchCase, type: ScreenPopType): string | null {
  if (type === 'PopToVisualforce') return 'Visualforce page';
  if (type === 'PopToFlow') return 'Flow API name';
  if (type === 'PopToEntity' && matchCase === 'NoMatch') return 'New record object';
  return null;
}

export function LayoutEditor() {
  const { layout } = useOrg();
  const [callType, setCallType] = useState<CallTypeName>('Inbound');
  // Kept here: saving changes the org's layout, which starts a new draft below.
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <section aria-label="Softphone layout">
      <h2>Softphone layout</h2>
      <label>
        Call type
        <select value={callType} onChange={(e) => setCallType(e.target.value as CallTypeName)}>
          <option value="Inbound">Inbound</option>
          <option value="Outbound">Outbound</option>
          <option value="Internal">Internal</option>
        </select>
      </label>
      {/* A new draft whenever the org's layout (or the call type) changes. */}
      <CallTypeEditor key={`${callType}:${JSON.stringify(layout[callType])}`} callType={callType} layout={layout} onResult={setResult} />
      <SaveResult result={result} />
    </section>
  );
}

interface EditorProps {
  callType: CallTypeName;
  layout: SoftphoneLayout;
  onResult: (result: { ok: boolean; text: string }) => void;
}

function CallTypeEditor({ callType, layout, onResult: setResult }: EditorProps) {
  const { org } = useMock();
  const [draft, setDraft] = useState<LayoutForCallType>(() => structuredClone(layout[callType]));
  const onError = (message: string) => setResult({ ok: false, text: `The org refused the layout: ${message}` });

  const toggleObject = (type: (typeof OBJECT_TYPES)[number], on: boolean) =>
    setDraft((d) => {
      const objects = Object.fromEntries(Object.entries(d.objects).filter(([name]) => name !== type));
      return { ...d, objects: on ? { ...objects, [type]: structuredClone(OBJECT_FIELDS[type]) } : objects };
    });
  const setPop = (matchCase: MatchCase, setting: ScreenPopSetting | undefined) =>
    setDraft((d) => {
      const screenPopSettings = { ...d.screenPopSettings, [matchCase]: setting };
      // An absent setting means "don't pop" (OPENCTI.md §5), so drop the key rather than keep undefined.
      if (!setting) return { ...d, screenPopSettings: JSON.parse(JSON.stringify(screenPopSettings)) as LayoutForCallType['screenPopSettings'] };
      return { ...d, screenPopSettings };
    });
  const save = () => {
    const objects = Object.keys(draft.objects);
    if (objects.length > 0 && objects.every((o) => o.endsWith('__c'))) {
      setResult({ ok: false, text: 'A softphone layout cannot search custom objects alone: add a standard object.' });
      return;
    }
    setResult({ ok: true, text: `${callType} layout saved.` });
    org.setLayout({ ...layout, [callType]: draft }, onError);
  };

  return (
    <div className="layout">
      <fieldset>
        <legend>Objects searched ({callType})</legend>
        {OBJECT_TYPES.map((type) => (
          <label key={type} className="sim__inline">
            <input type="checkbox" checked={type in draft.objects} onChange={(e) => toggleObject(type, e.target.checked)} /> {OBJECT_LABELS[type]}
          </label>
        ))}
      </fieldset>
      {CASES.map((c) => {
        const current = draft.screenPopSettings[c.key];
        const label = current ? dataLabel(c.key, current.screenPopType) : null;
        return (
          <fieldset key={c.key}>
            <legend>{c.label}</legend>
            <label>
              {`${c.label}: screen pop`}
              <select
                value={current?.screenPopType ?? 'none'}
                onChange={(e) =>
                  setPop(c.key, e.target.value === 'none' ? undefined : { screenPopType: e.target.value as ScreenPopType, screenPopData: c.key === 'NoMatch' && e.target.value === 'PopToEntity' ? 'Contact' : '' })
                }
              >
                <option value="none">Don’t pop any screen</option>
                {c.choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
            {current && label && (
              <label>
                {`${c.label}: ${label}`}
                <input value={current.screenPopData ?? ''} onChange={(e) => setPop(c.key, { ...current, screenPopData: e.target.value })} />
              </label>
            )}
          </fieldset>
        );
      })}
      <button type="button" onClick={save}>
        Save layout
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          setResult({ ok: true, text: 'Default layout restored.' });
          org.setLayout(seedLayout(), onError);
        }}
      >
        Restore default layout
      </button>
    </div>
  );
}
