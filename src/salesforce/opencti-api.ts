/** The parts of Salesforce's Open CTI APIs the panel uses, as Salesforce documents them: Lightning's `sforce.opencti` and Classic's `sforce.interaction`. */
/** What reaches a callback came over postMessage: unknown until parsed (payloads.ts). */
type Callback = (response: unknown) => void;
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
  setSoftphoneItemLabel(args: WithCallback<{ label: string }>): void;
  setSoftphoneItemIcon(args: WithCallback<{ key: string }>): void;
  refreshView(args: WithCallback<object>): void;
  SCREENPOP_TYPE: Record<string, string>;
  CALL_TYPE: Record<string, string>;
}

/** Classic answers `{result, error}`; many results are JSON text. */
export interface ClassicResponse {
  result?: unknown;
  error?: unknown;
}
type Cb = (response: ClassicResponse) => void;

export interface SforceInteraction {
  cti: {
    getCallCenterSettings(cb: Cb): void;
    getSoftphoneLayout(cb: Cb): void;
    getDirectoryNumbers(isGlobal: boolean, callCenterName: string | null, cb: Cb, resultSetPage?: number, resultSetPageSize?: number): void;
    enableClickToDial(cb: Cb): void;
    disableClickToDial(cb: Cb): void;
    onClickToDial(listener: Cb): void;
    notifyInitializationComplete(): void;
  };
  searchAndScreenPop(searchParams: string, queryParams: string, callType: string, cb: Cb): void;
  screenPop(url: string, force: boolean, cb: Cb): void;
  runApex(apexClass: string, methodName: string, methodParams: string, cb: Cb): void;
  setVisible(visible: boolean, cb: Cb): void;
  getPageInfo(cb: Cb): void;
  refreshRelatedList(listName: string, cb: Cb): void;
  onFocus(listener: Cb): void;
}

export interface SforceWindow {
  sforce?: { opencti?: SforceOpenCti; interaction?: SforceInteraction };
}
