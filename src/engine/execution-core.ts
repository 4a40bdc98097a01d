import type PQueue from 'p-queue';
import type { EngineOptions, EngineSkills } from './engine-options.js';
import type { GateToolLookup } from './gate-step.js';
import type { RunEventEmitter } from './run-event-emitter.js';
import type { LeaseOptions } from './run-lease.js';
import type { RunStore } from './store/index.js';

/** What every active run of one engine shares: resolved options with their defaults. */
export interface ExecutionCore {
  store: RunStore;
  events: RunEventEmitter;
  queue: PQueue;
  clock: () => Date;
  random: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  skills: EngineSkills;
  gateTools: GateToolLookup;
  stepTimeoutMs: number;
  /** Repair attempts a skill step gets after its output breaks the contract. */
  contractRepairs: number;
  lease: LeaseOptions;
  parseContext: EngineOptions['parseContext'];
  /** Reports errors nobody awaits (a failed heartbeat, a store write after a crash). */
  onBackgroundError: (error: unknown) => void;
}

/** A sleep that ends early (rejecting with the abort reason) when the signal fires. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
