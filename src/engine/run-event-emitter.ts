import type { RunEvent, RunEventOf, RunEventType } from './run-events.js';

export type RunEventListener<E extends RunEvent = RunEvent> = (event: E) => void;

/**
 * A small typed event emitter. Listeners are called synchronously in subscription order;
 * a listener that throws is reported through `onListenerError` and never breaks the run.
 */
export class RunEventEmitter {
  readonly #all = new Set<RunEventListener>();
  readonly #byType = new Map<RunEventType, Set<RunEventListener>>();
  readonly #onListenerError: (error: unknown, event: RunEvent) => void;

  constructor(options: { onListenerError?: (error: unknown, event: RunEvent) => void } = {}) {
    this.#onListenerError = options.onListenerError ?? (() => {});
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  subscribe(listener: RunEventListener): () => void {
    this.#all.add(listener);
    return () => this.#all.delete(listener);
  }

  /** Subscribes to one event type; returns the unsubscribe function. */
  on<T extends RunEventType>(type: T, listener: RunEventListener<RunEventOf<T>>): () => void {
    let listeners = this.#byType.get(type);
    if (!listeners) this.#byType.set(type, (listeners = new Set()));
    listeners.add(listener as RunEventListener);
    return () => listeners.delete(listener as RunEventListener);
  }

  emit(event: RunEvent): void {
    for (const listener of [...(this.#byType.get(event.type) ?? []), ...this.#all]) {
      try {
        listener(event);
      } catch (error) {
        this.#onListenerError(error, event);
      }
    }
  }
}
