import { hostname } from 'node:os';
import type { RunLease } from './run-records.js';

export interface LeaseOptions {
  /** This engine's owner token; unique per engine instance. */
  owner: string;
  pid: number;
  host: string;
  /** How often an executing engine refreshes its heartbeat. @default 2000 */
  heartbeatMs: number;
  /** A heartbeat older than this means the holder is gone, whatever its pid says. @default 15000 */
  staleMs: number;
  /** Whether a process on this host is alive. @default signal 0 via process.kill */
  isProcessAlive: (pid: number) => boolean;
}

export function defaultLeaseOptions(generateId: () => string): LeaseOptions {
  return {
    owner: `${hostname()}:${process.pid}:${generateId()}`,
    pid: process.pid,
    host: hostname(),
    heartbeatMs: 2000,
    staleMs: 15_000,
    isProcessAlive,
  };
}

/** Signal 0 checks a pid exists without touching it; EPERM means it exists but is not ours. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a lease held by someone else may be taken: its process on this host is dead
 * (a `kill -9` leaves the lease behind), or its heartbeat is stale (another host, or a
 * hung process).
 */
export function leaseIsAbandoned(lease: RunLease, options: LeaseOptions, now: Date): boolean {
  if (lease.host === options.host && lease.pid !== options.pid && !options.isProcessAlive(lease.pid)) return true;
  const age = now.getTime() - Date.parse(lease.heartbeatAt);
  return !(age <= options.staleMs);
}

/** "process 1234 on host-a, last heartbeat 3s ago", for refusal messages. */
export function describeLease(lease: RunLease, now: Date): string {
  const age = Math.max(0, Math.round((now.getTime() - Date.parse(lease.heartbeatAt)) / 1000));
  return `process ${lease.pid} on ${lease.host} (last heartbeat ${age}s ago)`;
}
