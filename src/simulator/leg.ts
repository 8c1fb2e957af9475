/** One agent's leg of a call in the simulated PBX. */
import type { Call, CallDirection, CallState, EndReason, Handover, ScreenTransfer } from '../protocol';

type Consult = NonNullable<Call['consult']>;

export interface LegInit {
  direction: CallDirection;
  placedByAgent: boolean;
  state: CallState;
  from: string | null;
  to: string;
  peerName?: string | undefined;
  screenTransfer?: ScreenTransfer | null;
  /** The hand-over this agent received with the call (a transfer, a park picked up). */
  handover?: Handover | null;
  /** consultTarget: this agent was rung for a consultative transfer that is not complete yet. */
  role?: 'main' | 'consultTarget';
  consult?: Consult | null;
  parkNumber?: string | null;
  endReason?: EndReason | null;
}

export class Leg {
  rev: number;
  direction: CallDirection;
  placedByAgent: boolean;
  state: CallState;
  from: string | null;
  to: string;
  peerName: string | undefined;
  role: 'main' | 'consultTarget';
  readonly startedAt: number;
  connectedAt: number | null = null;
  endedAt: number | null = null;
  endReason: EndReason | null = null;
  parkNumber: string | null = null;
  consult: Consult | null = null;
  screenTransfer: ScreenTransfer | null;
  handover: Handover | null;

  /**
   * `firstRev`: a new leg for an agent who already had one on this call (consulted again, the call
   * transferred back) continues that leg's revisions, so the client takes it as the newer view.
   */
  constructor(
    readonly loginId: string,
    init: LegInit,
    now: number,
    firstRev = 0,
  ) {
    this.rev = firstRev;
    this.direction = init.direction;
    this.placedByAgent = init.placedByAgent;
    this.state = init.state;
    this.from = init.from;
    this.to = init.to;
    this.peerName = init.peerName;
    this.role = init.role ?? 'main';
    this.screenTransfer = init.screenTransfer ?? null;
    this.handover = init.handover ?? null;
    this.startedAt = now;
    // A leg that starts connected (a parked call picked up by another agent) talks from now.
    if (init.state === 'connected') this.connectedAt = now;
  }

  apply(change: Partial<LegInit>, now: number): void {
    if ('peerName' in change) this.peerName = change.peerName;
    if (change.consult !== undefined) this.consult = change.consult;
    if (change.parkNumber !== undefined) this.parkNumber = change.parkNumber;
    if (change.handover !== undefined) this.handover = change.handover;
    if (change.endReason !== undefined) this.endReason = change.endReason;
    if (change.state !== undefined && change.state !== this.state) {
      this.state = change.state;
      if (change.state === 'connected' && this.connectedAt === null) this.connectedAt = now;
      if (change.state === 'ended') {
        this.endedAt = now;
        this.parkNumber = null;
      }
    }
    this.rev += 1;
  }

  /** Something outside the leg changed (the recording arrived): a new revision of the same view. */
  touch(): void {
    this.rev += 1;
  }

  view(callId: string, queue: string | undefined, recordingUrl: string | null): Call {
    const call: Call = {
      callId,
      rev: this.rev,
      direction: this.direction,
      placedByAgent: this.placedByAgent,
      state: this.state,
      from: this.from,
      to: this.to,
      startedAt: this.startedAt,
      connectedAt: this.connectedAt,
      endedAt: this.endedAt,
      endReason: this.endReason,
      parkNumber: this.parkNumber,
      consult: this.consult,
      screenTransfer: this.screenTransfer,
      recordingUrl: this.connectedAt !== null ? recordingUrl : null,
    };
    if (this.peerName !== undefined) call.peerName = this.peerName;
    if (this.handover !== null) call.handover = this.handover;
    if (queue !== undefined) call.queue = queue;
    return call;
  }
}
