import type { ReactNode } from 'react';
import { openExternal } from '../api/external';

/**
 * A link to the web that opens in the system browser: through the desktop shell's `shell.openExternal` when
 * running in the app, as a plain new-tab link in a browser.
 */
export function ExternalLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className={className}
      onClick={(event) => {
        if (!window.candid) return;
        event.preventDefault();
        void openExternal(href);
      }}
    >
      {children}
    </a>
  );
}
