/**
 * The softphone layout editor (Setup → Softphone Layouts): per call type, the objects searched and
 * what pops on no match, one match and several. Changes apply to the next search.
 */
import { useState } from 'react';
import { OBJECT_TYPES } from '../org/layout-schema';
import { OBJECT_FIELDS, seedLayout } from '../org/seed';
import type { LayoutForCallType, ScreenPopSetting, ScreenPopType, SoftphoneLayout } from '../org/types';
import { useMock, useOrg } from './context';
import { useText, type MockText } from './i18n';
import { SaveResult } from './SetupPanel';
import { Button, Card, Checkbox, Select, TextInput } from './slds';

type CallTypeName = keyof SoftphoneLayout;
type MatchCase = 'NoMatch' | 'SingleMatch' | 'MultipleMatches';
type PopChoice = keyof MockText['setup']['pops'];

const CASES: { key: MatchCase; choices: { value: ScreenPopType; label: PopChoice }[] }[] = [
  {
    key: 'NoMatch',
    choices: [
      { value: 'PopToEntity', label: 'newRecord' },
      { value: 'PopToSearch', label: 'search' },
      { value: 'PopToVisualforce', label: 'visualforce' },
      { value: 'PopToFlow', label: 'flow' },
    ],
  },
  {
    key: 'SingleMatch',
    choices: [
      { value: 'PopToEntity', label: 'record' },
      { value: 'PopToVisualforce', label: 'visualforce' },
      { value: 'PopToFlow', label: 'flow' },
    ],
  },
  {
    key: 'MultipleMatches',
    choices: [
      { value: 'PopToSearch', label: 'search' },
      { value: 'PopToVisualforce', label: 'visualforce' },
      { value: 'PopToFlow', label: 'flow' },
    ],
  },
];

/** What the data field of a pop setting names, if it has one. */
function dataLabel(matchCase: MatchCase, type: ScreenPopType): keyof MockText['setup']['dataLabels'] | null {
  if (type === 'PopToVisualforce') return 'visualforce';
  if (type === 'PopToFlow') return 'flow';
  if (type === 'PopToEntity' && matchCase === 'NoMatch') return 'newRecord';
  return null;
}

export function LayoutEditor() {
  const { layout } = useOrg();
  const t = useText().setup;
  const [callType, setCallType] = useState<CallTypeName>('Inbound');
  // Kept here: saving changes the org's layout, which starts a new draft below.
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <Card label={t.layout} title={t.layout}>
      <Select label={t.callType} value={callType} onChange={(e) => setCallType(e.target.value as CallTypeName)}>
        {(['Inbound', 'Outbound', 'Internal'] as const).map((type) => (
          <option key={type} value={type}>
            {t.callTypes[type]}
          </option>
        ))}
      </Select>
      {/* A new draft whenever the org's layout (or the call type) changes. */}
      <CallTypeEditor key={`${callType}:${JSON.stringify(layout[callType])}`} callType={callType} layout={layout} onResult={setResult} />
      <SaveResult result={result} />
    </Card>
  );
}

interface EditorProps {
  callType: CallTypeName;
  layout: SoftphoneLayout;
  onResult: (result: { ok: boolean; text: string }) => void;
}

function CallTypeEditor({ callType, layout, onResult: setResult }: EditorProps) {
  const { org } = useMock();
  const text = useText();
  const t = text.setup;
  const [draft, setDraft] = useState<LayoutForCallType>(() => structuredClone(layout[callType]));
  const onError = (message: string) => setResult({ ok: false, text: t.layoutRefused(message) });

  const toggleObject = (type: (typeof OBJECT_TYPES)[number], on: boolean) =>
    setDraft((d) => {
      const objects = Object.fromEntries(Object.entries(d.objects).filter(([name]) => name !== type));
      return { ...d, objects: on ? { ...objects, [type]: structuredClone(OBJECT_FIELDS[type]) } : objects };
    });
  const setPop = (matchCase: MatchCase, setting: ScreenPopSetting | undefined) =>
    setDraft((d) => {
      const screenPopSettings = { ...d.screenPopSettings, [matchCase]: setting };
      // An absent setting means "don't pop", so drop the key rather than keep undefined.
      if (!setting) return { ...d, screenPopSettings: JSON.parse(JSON.stringify(screenPopSettings)) as LayoutForCallType['screenPopSettings'] };
      return { ...d, screenPopSettings };
    });
  const save = () => {
    const objects = Object.keys(draft.objects);
    if (objects.length > 0 && objects.every((o) => o.endsWith('__c'))) {
      setResult({ ok: false, text: t.customAlone });
      return;
    }
    setResult({ ok: true, text: t.layoutSaved(t.callTypes[callType]) });
    org.setLayout({ ...layout, [callType]: draft }, onError);
  };

  return (
    <div className="layout">
      <fieldset className="slds-form-element sim__group">
        <legend className="slds-form-element__legend slds-form-element__label">{t.objectsSearched(t.callTypes[callType])}</legend>
        {OBJECT_TYPES.map((type) => (
          <Checkbox key={type} label={text.objects[type]} checked={type in draft.objects} onChange={(e) => toggleObject(type, e.target.checked)} />
        ))}
      </fieldset>
      {CASES.map((c) => {
        const current = draft.screenPopSettings[c.key];
        const label = current ? dataLabel(c.key, current.screenPopType) : null;
        const caseName = t.cases[c.key];
        return (
          <fieldset key={c.key} className="slds-form-element sim__group">
            <legend className="slds-form-element__legend slds-form-element__label">{caseName}</legend>
            <Select
              label={t.screenPop(caseName)}
              value={current?.screenPopType ?? 'none'}
              onChange={(e) =>
                setPop(c.key, e.target.value === 'none' ? undefined : { screenPopType: e.target.value as ScreenPopType, screenPopData: c.key === 'NoMatch' && e.target.value === 'PopToEntity' ? 'Contact' : '' })
              }
            >
              <option value="none">{t.dontPop}</option>
              {c.choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {t.pops[choice.label]}
                </option>
              ))}
            </Select>
            {current && label && (
              <TextInput label={t.dataField(caseName, t.dataLabels[label])} value={current.screenPopData ?? ''} onChange={(e) => setPop(c.key, { ...current, screenPopData: e.target.value })} />
            )}
          </fieldset>
        );
      })}
      <div className="sim__buttons">
        <Button variant="brand" onClick={save}>
          {t.saveLayout}
        </Button>
        <Button
          onClick={() => {
            setResult({ ok: true, text: t.layoutRestored });
            org.setLayout(seedLayout(), onError);
          }}
        >
          {t.restoreLayout}
        </Button>
      </div>
    </div>
  );
}
