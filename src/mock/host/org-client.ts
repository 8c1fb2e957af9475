/** The mock page's client of the fake org (dev-server API) and its live mirror of it. */
import { createStore } from 'zustand/vanilla';
import type { OrgSnapshot, SoftphoneLayout } from '../org/types';

const API = '/__mock/api/';

export class OrgRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function orgRequest<T>(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<T> {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(API + path, init);
  const json = (await response.json()) as T & { error?: { code: string; message: string } };
  if (!response.ok) throw new OrgRequestError(json.error?.code ?? 'SERVER_ERROR', json.error?.message ?? `HTTP ${response.status}`);
  return json;
}

/** Keeps a current copy of the org (server-sent events), so `tasks()` can answer synchronously. */
export class OrgMirror {
  readonly store = createStore<{ org: OrgSnapshot | null }>()(() => ({ org: null }));
  private source: EventSource | null = null;
  /** The first load (`start`): writes and reads made before it wait for it. */
  private ready: Promise<void> = Promise.resolve();

  start(): Promise<void> {
    this.ready = this.load();
    return this.ready;
  }

  get isLoaded(): boolean {
    return this.store.getState().org !== null;
  }

  /** Runs `work` now if the org is loaded, else once it is. */
  afterLoad(work: () => void): void {
    if (this.isLoaded) work();
    else void this.ready.then(work);
  }

  private async load(): Promise<void> {
    this.accept(await orgRequest<OrgSnapshot>('org'));
    this.source = new EventSource(API + 'events');
    this.source.onmessage = (event: MessageEvent<string>) => {
      try {
        this.accept(JSON.parse(event.data) as OrgSnapshot);
      } catch {
        /* a broken frame: the next one replaces it */
      }
    };
  }

  /** Newer snapshots only: a request's answer and the event stream can arrive in any order. */
  accept(org: OrgSnapshot): void {
    const current = this.store.getState().org;
    if (!current || org.version >= current.version) this.store.setState({ org });
  }

  async refresh(): Promise<void> {
    this.accept(await orgRequest<OrgSnapshot>('org'));
  }

  get org(): OrgSnapshot {
    const org = this.store.getState().org;
    if (!org) throw new Error('The fake org is still loading: await mockCti.ready() first.');
    return org;
  }

  private writes: Promise<unknown> = Promise.resolve();

  /**
   * Changes the org: at once in this page's copy, then on the server, in order. Reads the host
   * makes wait for `settled()`, so a layout set just before a call is the layout that call searches.
   */
  write(path: 'layout' | 'call-center' | 'directory-numbers', body: unknown, local: (org: OrgSnapshot) => OrgSnapshot, onError: (message: string) => void): void {
    const now = this.isLoaded;
    if (now) this.accept(local(this.org));
    this.writes = this.writes
      .then(() => this.ready)
      .then(() => {
        if (!now) this.accept(local(this.org));
        return orgRequest(path, body, 'PUT');
      })
      .then(
        () => this.refresh(),
        (error: unknown) => onError(error instanceof Error ? error.message : String(error)),
      );
  }

  async settled(): Promise<void> {
    await this.ready;
    await this.writes;
  }

  setLayout(layout: SoftphoneLayout, onError: (message: string) => void): void {
    this.write('layout', layout, (org) => ({ ...org, layout }), onError);
  }

  stop(): void {
    this.source?.close();
  }
}
