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

/**
 * How far ahead of this device's wall clock a timestamp from elsewhere may pull the local clock. A device whose
 * clock runs days ahead still has its changes applied (last writer wins must converge), but it cannot drag every
 * other device's clock along: local ticks go on from at most now + this.
 */
export const followCap = 60 * 1000;

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
    /** Physical time, ms since the epoch (injected in tests). */
    readonly now: () => number = Date.now,
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
   * A timestamp for a local event that stands for an earlier moment (automation catching up on what fell due at
   * `wall`): that moment on this node, or a tick when it is not in the past. It moves the clock on only when it
   * ticks (a row of its own needs no stamp greater than the others, only one of its own).
   */
  at(wall: number): string {
    return wall < this.now() ? encodeHlc({ wall, counter: 0, node: this.node }) : this.tick();
  }

  /**
   * Takes a timestamp that arrived from elsewhere into account, so that later local ticks sort after it, but
   * follows it only up to `followCap` ahead of the wall clock. Returns how many milliseconds the timestamp lies
   * ahead of this device's wall clock (0 when it does not), for the sync status's clock warning.
   */
  observe(timestamp: string): number {
    const remote = decodeHlc(timestamp);
    const physical = this.now();
    const followed = remote.wall > physical + followCap ? { wall: physical + followCap, counter: 0 } : remote;
    if (followed.wall > this.wall) {
      this.wall = followed.wall;
      this.counter = followed.counter;
    } else if (followed.wall === this.wall && followed.counter > this.counter) {
      this.counter = followed.counter;
    }
    return Math.max(0, remote.wall - physical);
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
