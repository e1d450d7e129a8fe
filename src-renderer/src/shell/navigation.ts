import type { IconName } from '../ui/Icon';

/** The screens of the sidebar, in order; `key` names them in the `shell` catalogue and `go` is the g-then-key shortcut. */
export const screens = [
  { path: '/dashboard', key: 'dashboard', icon: 'dashboard', go: 'd' },
  { path: '/applications', key: 'applications', icon: 'list', go: 'a' },
  { path: '/board', key: 'board', icon: 'board', go: 'b' },
  { path: '/interviews', key: 'interviews', icon: 'calendar', go: 'i' },
  { path: '/tasks', key: 'tasks', icon: 'tasks', go: 't' },
  { path: '/companies', key: 'companies', icon: 'building', go: 'c' },
  { path: '/contacts', key: 'contacts', icon: 'users', go: 'p' },
  { path: '/fairs', key: 'fairs', icon: 'map', go: 'f' },
  { path: '/answers', key: 'answers', icon: 'message', go: 'q' },
  { path: '/offers', key: 'offers', icon: 'briefcase', go: 'o' },
  { path: '/opportunities', key: 'opportunities', icon: 'inbox', go: 'w' },
  { path: '/settings', key: 'settings', icon: 'settings', go: 's' },
] as const satisfies readonly { path: string; key: string; icon: IconName; go: string }[];

export type Screen = (typeof screens)[number];

export const newApplicationPath = '/applications/new';

/** The Capture screen: an action beside "New application" rather than a sidebar screen, reached with `g l` (link). */
export const captureScreen = { path: '/capture', go: 'l' } as const;
