// A one-line progress display on stderr for long runs: count, rate and, when
// the input size is known, percent and time left. Only on a terminal; quiet
// when stderr is a pipe or a file, so logs and CI output stay clean.

export interface ProgressState {
  conversations: number;
  messages: number;
  /** Input bytes read so far and in all (0 when unknown, e.g. standard input). */
  bytes: number;
  totalBytes: number;
}

export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private shown = false;

  constructor(private readonly enabled: boolean, private readonly write: (s: string) => void = (s) => process.stderr.write(s)) {}

  static auto(): boolean {
    return Boolean(process.stderr.isTTY) && !process.env.CI;
  }

  update(s: ProgressState, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 200) return;
    this.last = now;
    this.shown = true;
    this.write(`\r\x1b[2K${formatProgress(s, (now - this.started) / 1000)}`);
  }

  done(s: ProgressState): void {
    if (!this.enabled || !this.shown) return;
    const secs = (Date.now() - this.started) / 1000;
    this.write(`\r\x1b[2Krapport audit: ${fmt(s.conversations)} conversations (${fmt(s.messages)} messages) in ${duration(secs)}\n`);
  }
}

export function formatProgress(s: ProgressState, secs: number): string {
  const rate = secs > 0 ? s.messages / secs : 0;
  const parts = [`${fmt(s.conversations)} conversations`, `${fmt(s.messages)} messages`, `${fmt(Math.round(rate))} msg/s`];
  let bar = '';
  if (s.totalBytes > 0) {
    const frac = Math.min(1, s.bytes / s.totalBytes);
    const width = 20;
    const filled = Math.round(frac * width);
    bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(frac * 100)}% · `;
    if (frac > 0.01 && secs > 1) parts.push(`ETA ${duration((secs / frac) * (1 - frac))}`);
  }
  return `rapport audit: ${bar}${parts.join(' · ')}`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function duration(secs: number): string {
  if (secs < 60) return `${secs.toFixed(secs < 10 ? 1 : 0)}s`;
  const m = Math.floor(secs / 60);
  const s = Math.round(secs % 60);
  return m < 60 ? `${m}m ${String(s).padStart(2, '0')}s` : `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
