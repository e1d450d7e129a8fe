import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { runFileActionFromShell } from './commands';
import { newApplicationPath } from './navigation';

/** The desktop File menu: main sends `menu` events; "New application" is ours, the rest are File actions. */
export function useMenuEvents(): void {
  const navigate = useNavigate();
  useEffect(() => {
    if (!window.candid) return;
    return window.candid.on('menu', ({ action }) => {
      if (action === 'new-application') navigate(newApplicationPath);
      else void runFileActionFromShell(action, navigate);
    });
  }, [navigate]);
}
