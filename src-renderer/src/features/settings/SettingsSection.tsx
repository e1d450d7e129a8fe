import type { ReactNode } from 'react';

/** One card of the settings page, reachable by its anchor from the page's table of contents. */
export function SettingsSection({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <section id={`settings-${id}`} className="card rec-card st-section" aria-labelledby={`settings-${id}-title`}>
      <h2 id={`settings-${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {description && <p className="muted st-description">{description}</p>}
      {children}
    </section>
  );
}
