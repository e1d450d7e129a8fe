import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { isAppRoute } from '../../../../src-shared/bridge';

/** The desktop: a click on a system notification sends the screen to open (main checks it, and so do we). */
export function useNavigateEvents(): void {
  const navigate = useNavigate();
  useEffect(() => {
    if (!window.candid) return;
    return window.candid.on('navigate', ({ path }) => {
      if (isAppRoute(path)) navigate(path);
    });
  }, [navigate]);
}
