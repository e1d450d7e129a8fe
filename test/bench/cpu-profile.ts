/**
 * A V8 .cpuprofile (from `node --cpu-prof`) read for the profile-*.ts readers: its samples, each node by id, and
 * each node's caller.
 */
import fs from 'node:fs';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  samples: number[];
  /** Microseconds each sample stands for. */
  timeDeltas: number[];
  nodes: Map<number, ProfileNode>;
  /** A node's caller: a sample's stack is its node and its callers up to the root. */
  parent: Map<number, number>;
}

export function readCpuProfile(file: string): CpuProfile {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  return { samples: profile.samples, timeDeltas: profile.timeDeltas, nodes: new Map(profile.nodes.map((node) => [node.id, node])), parent };
}

/** A frame as `name path:line`, the path from src-main, src-shared or node_modules. */
export function frameLabel(profile: CpuProfile, id: number): string {
  const { functionName, url, lineNumber } = profile.nodes.get(id)!.callFrame;
  return `${functionName || '(anonymous)'} ${url.replace(/^.*\/(src-main|src-shared|node_modules)\//, '$1/')}:${lineNumber + 1}`;
}

/** The innermost frame of the function `name` on a sample's stack, if any. */
export function innermostFrame(profile: CpuProfile, sample: number, name: string): number | undefined {
  for (let at: number | undefined = sample; at !== undefined; at = profile.parent.get(at)) {
    if (profile.nodes.get(at)!.callFrame.functionName === name) return at;
  }
  return undefined;
}
