/**
 * A short two-note chime synthesised with the Web Audio API (nothing to download). Browsers keep
 * an AudioContext suspended until the page has had a user gesture: `unlock` is called from a tap.
 */
type AudioContextClass = new () => AudioContext;

function audioContextClass(): AudioContextClass | null {
  // Safari before 14.1 has only the prefixed constructor.
  const w = window as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

export type ChimeState = 'unsupported' | 'blocked' | 'ready';

export class Chime {
  private ctx: AudioContext | null = null;

  state(): ChimeState {
    if (!audioContextClass()) return 'unsupported';
    return this.ctx?.state === 'running' ? 'ready' : 'blocked';
  }

  /**
   * Creates or resumes the context. From a tap it starts running; without one the browser keeps
   * it suspended, and `resume()` may not settle until a gesture, so this waits only briefly.
   */
  async unlock(onChange?: () => void): Promise<ChimeState> {
    const Ctor = audioContextClass();
    if (!Ctor) return 'unsupported';
    if (!this.ctx) {
      this.ctx = new Ctor();
      if (onChange) this.ctx.onstatechange = onChange;
    }
    if (this.ctx.state !== 'running') {
      await Promise.race([this.ctx.resume().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 200))]);
    }
    return this.state();
  }

  /** Plays once; false (silently) while the browser still blocks audio. */
  play(): boolean {
    const ctx = this.ctx;
    if (!ctx || ctx.state !== 'running') return false;
    const t0 = ctx.currentTime;
    for (const [frequency, offset] of [
      [880, 0],
      [1318.5, 0.14],
    ]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, t0 + offset);
      gain.gain.exponentialRampToValueAtTime(0.35, t0 + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + offset + 0.4);
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start(t0 + offset);
      osc.stop(t0 + offset + 0.45);
    }
    return true;
  }

  close(): void {
    void this.ctx?.close().catch(() => undefined);
    this.ctx = null;
  }
}
