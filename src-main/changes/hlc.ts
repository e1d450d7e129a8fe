/**
 * Hybrid logical clock (Kulkarni et al.): timestamps that follow wall time, never go backwards on one device
 * even if the system clock does, and order events across devices. Encoded as fixed-width text so that
 * comparing strings compares timestamps: `<wall ms, 15 digits>-<counter, 6 digits>-<node id>`.
 */
export interface HlcParts {
  wall: number;
  counter: number;
  node: string;
}

const maxDrift = 24 * 60 * 60 * 1000;

/** The wall-time part of the last timestamp `isoOf` read, and its ISO text. */
const lastIso = { wallText: '', iso: '' };

export function encodeHlc({ wall, counter, node }: HlcParts): string {
  return `${String(wall).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${node}`;
}

export function decodeHlc(text: string): HlcParts {
  const match = /^(\d{15})-(\d{6})-([0-9a-z-]+)$/.exec(text);
  if (!match) throw new Error(`Not a hybrid logical clock timestamp: ${text}`);
  return { wall: Number(match[1]), counter: Number(match[2]), node: match[3] };
}

export class HybridLogicalClock {
  private wall = 0;
  private counter = 0;

  constructor(
    readonly node: string,
    last?: string,
    private readonly now: () => number = Date.now,
  ) {
    if (last) this.observe(last);
  }

  /** A timestamp for a local event, greater than every timestamp this clock has issued or seen. */
  tick(): string {
    const physical = this.now();
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
    return encodeHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }

  /**
   * Takes a timestamp that arrived from elsewhere into account (so later local ticks sort after it). Returns
   * false, ignoring it, when it lies further ahead than any sane clock drift: it must not drag ours along.
   */
  observe(timestamp: string): boolean {
    const remote = decodeHlc(timestamp);
    if (remote.wall > this.now() + maxDrift) return false;
    if (remote.wall > this.wall) {
      this.wall = remote.wall;
      this.counter = remote.counter;
    } else if (remote.wall === this.wall && remote.counter > this.counter) {
      this.counter = remote.counter;
    }
    return true;
  }

  /** Wall time of the last issued timestamp, as ISO text (what rows show as updated_at). */
  static isoOf(timestamp: string): string {
    // Every row of a bulk write shares a few milliseconds: decoding and formatting each one was 2% of an import.
    const wallText = timestamp.slice(0, 15);
    if (wallText !== lastIso.wallText) {
      lastIso.iso = new Date(decodeHlc(timestamp).wall).toISOString();
      lastIso.wallText = wallText;
    }
    return lastIso.iso;
  }
}
