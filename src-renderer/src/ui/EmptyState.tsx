import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** What a screen shows when it has nothing yet: what this is for and what to do next. */
export function EmptyState({ icon, title, children, actions }: { icon: IconName; title: ReactNode; children?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="empty-state">
      <div className="empty-state-icon">
        <Icon name={icon} size={22} />
      </div>
      <h2>{title}</h2>
      {children && <p>{children}</p>}
      {actions && <div className="empty-state-actions">{actions}</div>}
    </div>
  );
}
