import path from 'node:path';

/**
 * True when `candidate` is below `root`: not `root` itself, not `<root>-other/…`, not reached through `..`. Both
 * are resolved first; links are not (callers that must not follow them compare real paths too).
 */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(candidate));
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
