import type { RemotePreference } from '../../src-shared/contract';
import type { BoardPosting } from './boards';

export interface WatchFilter {
  keywords: readonly string[];
  locations: readonly string[];
  remote: RemotePreference;
}

/** Lowercase without accents, so that "Développeur" matches "developpeur". */
const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `term` appears in `text` as whole words ("java" is not found in "javascript"). */
function containsWords(text: string, term: string): boolean {
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escape(fold(term))}($|[^\\p{L}\\p{N}])`, 'u').test(fold(text));
}

/** Remote as the board says, else as its location reads ("Remote - Europe", "Télétravail"). */
export function isRemote(posting: BoardPosting): boolean {
  if (posting.remote !== null) return posting.remote;
  return posting.location !== null && /\bremote\b|t[ée]l[ée]travail/i.test(posting.location);
}

/**
 * Whether a posting is one the user asked to watch: any keyword in its title or text (none: any posting), its
 * location holding any of the locations (none: anywhere), and remote as preferred.
 */
export function matchesWatch(posting: BoardPosting, filter: WatchFilter): boolean {
  const words = `${posting.title}\n${posting.description ?? ''}`;
  if (filter.keywords.length > 0 && !filter.keywords.some((keyword) => containsWords(words, keyword))) return false;
  if (filter.locations.length > 0 && !filter.locations.some((location) => fold(posting.location ?? '').includes(fold(location)))) return false;
  if (filter.remote === 'remote' && !isRemote(posting)) return false;
  if (filter.remote === 'on_site' && isRemote(posting)) return false;
  return true;
}
