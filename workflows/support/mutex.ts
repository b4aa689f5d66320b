/**
 * Serialises state-changing handlers inside one workflow. Updates and signals run concurrently
 * with the main loop; without this two KDS bumps could both pass their checks and then both
 * call activities (a double start, a recall racing a complete). Plain promise chaining is
 * deterministic, so it replays identically. (@temporalio/workflow ships no Mutex.)
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private holders = 0;

  /** True while a critical section runs or waits; the main loop waits for 0 before continue-as-new. */
  get busy(): boolean {
    return this.holders > 0;
  }

  runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.holders += 1;
    const run = this.tail.then(fn);
    const release = () => {
      this.holders -= 1;
    };
    this.tail = run.then(release, release);
    return run;
  }
}
