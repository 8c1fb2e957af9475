/**
 * Typed events whose `on()` returns its own unsubscribe. Built on the emitter socket.io-client
 * already ships in the panel, so it costs no bytes of its own; the types live here.
 */
import { Emitter as SocketEmitter } from '@socket.io/component-emitter';

type Listener = (value: unknown) => void;
type Untyped = Record<string, Listener>;

export class Emitter<Events extends object> {
  private readonly inner = new SocketEmitter<Untyped, Untyped>();

  on<K extends keyof Events & string>(name: K, listener: (value: Events[K]) => void): () => void {
    // Only `emit` below feeds these listeners, always with an Events[K] for the name K.
    const untyped = listener as Listener;
    const event: string = name;
    this.inner.on(event, untyped);
    return () => {
      this.inner.off(event, untyped);
    };
  }

  emit<K extends keyof Events & string>(name: K, value: Events[K]): void {
    const event: string = name;
    this.inner.emit(event, value);
  }

  /** Drops every listener (the owner is closing). */
  clear(): void {
    this.inner.removeAllListeners();
  }
}
