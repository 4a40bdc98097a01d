import { existsSync, watch, type FSWatcher } from 'node:fs';

export interface WatchProjectOptions {
  /** Folders to watch (recursively): skills/ and playbooks/. Missing folders are skipped. */
  dirs: readonly string[];
  /** Called once a burst of changes has settled. */
  onChange: () => void | Promise<void>;
  /** Quiet time after the last change before `onChange` runs. @default 200 */
  debounceMs?: number;
  /** Where watcher and reload errors go. @default ignore */
  onError?: (error: unknown) => void;
}

/**
 * Watches the skill and playbook folders and calls `onChange` once per burst of edits
 * (an editor's save is often several events). Returns the function that stops watching.
 */
export function watchProject(options: WatchProjectOptions): () => void {
  const debounceMs = options.debounceMs ?? 200;
  const onError = options.onError ?? (() => {});
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const fire = (): void => {
    timer = undefined;
    if (closed) return;
    Promise.resolve()
      .then(() => options.onChange())
      .catch(onError);
  };
  const schedule = (): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
    // A pending reload must not keep a finished process alive.
    timer.unref();
  };

  const watchers: FSWatcher[] = [];
  for (const dir of options.dirs) {
    if (!existsSync(dir)) continue;
    try {
      const watcher = watch(dir, { recursive: true, persistent: false }, schedule);
      watcher.on('error', onError);
      watchers.push(watcher);
    } catch (error) {
      onError(error);
    }
  }

  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
