import { useEffect } from 'react';
import { useAppStore } from '../../store';

/** How often the status bar asks again, so it notices a database going away or coming back. */
export const STATUS_REFRESH_MS = 10_000;

/** Refreshes the connection status now and then every {@link STATUS_REFRESH_MS}. */
export function useConnectionPolling(): void {
  const refreshConnection = useAppStore((state) => state.refreshConnection);
  useEffect(() => {
    void refreshConnection();
    const timer = window.setInterval(() => {
      // A hidden window has no one to show the status to.
      if (document.visibilityState === 'visible') void refreshConnection();
    }, STATUS_REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refreshConnection();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refreshConnection]);
}
