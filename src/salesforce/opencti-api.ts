/** The parts of Salesforce's `sforce.opencti` (Lightning) the panel uses, as Salesforce documents them. */
export interface OpenCtiResponse {
  success: boolean;
  returnValue?: unknown;
  errors?: { code?: string; description?: string; details?: unknown }[] | null;
}

type Callback = (response: OpenCtiResponse) => void;
type WithCallback<A> = A & { callback?: Callback };

export interface SforceOpenCti {
  getCallCenterSettings(args: WithCallback<object>): void;
  notifyInitializationComplete(args?: object): void;
  searchAndScreenPop(
    args: WithCallback<{
      searchParams: string;
      callType: string;
      deferred?: boolean;
      queryParams?: string;
      defaultFieldValues?: Record<string, string>;
    }>,
  ): void;
  screenPop(args: WithCallback<{ type: string; params: Record<string, unknown> }>): void;
  runApex(args: WithCallback<{ apexClass: string; methodName: string; methodParams: string }>): void;
  enableClickToDial(args: WithCallback<object>): void;
  disableClickToDial(args: WithCallback<object>): void;
  onClickToDial(args: { listener: (payload: unknown) => void }): void;
  getAppViewInfo(args: WithCallback<object>): void;
  onNavigationChange(args: { listener: (payload: unknown) => void }): void;
  setSoftphonePanelVisibility(args: WithCallback<{ visible: boolean }>): void;
  setSoftphonePanelLabel(args: WithCallback<{ label: string }>): void;
  setSoftphonePanelIcon(args: WithCallback<{ key: string }>): void;
  SCREENPOP_TYPE: Record<string, string>;
  CALL_TYPE: Record<string, string>;
}

export interface SforceWindow {
  sforce?: { opencti?: SforceOpenCti; interaction?: unknown };
}
