/**
 * Which of the workspace's side panels are open, and which panel section should take the focus
 * next (the context menu's "Details" opens the left panel and moves the focus to the details).
 * The open panels are kept between sessions in the window's storage.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export type SidePanel = 'left' | 'right';

/** A request for a panel section to come into view and take the focus; `seq` changes each time. */
export interface PanelFocus {
  target: 'details';
  seq: number;
}

export interface PanelsSlice {
  panelsOpen: Record<SidePanel, boolean>;
  panelFocus: PanelFocus | null;
  setPanelOpen(panel: SidePanel, open: boolean): void;
  /** Opens the left panel and asks its details to come into view with the focus. */
  revealDetails(): void;
}

const STORAGE_KEY = 'caselink.panels';

function readPanels(storage: Storage | undefined): Record<SidePanel, boolean> {
  const open = { left: true, right: true };
  try {
    const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (saved && typeof saved === 'object') {
      const s = saved as Partial<Record<SidePanel, unknown>>;
      if (typeof s.left === 'boolean') open.left = s.left;
      if (typeof s.right === 'boolean') open.right = s.right;
    }
  } catch {
    // A value another version wrote, or none: both panels open.
  }
  return open;
}

export function createPanelsSlice(storage: Storage | undefined): StateCreator<AppState, [], [], PanelsSlice> {
  return (set, get) => ({
    panelsOpen: readPanels(storage),
    panelFocus: null,
    setPanelOpen(panel, open) {
      const panelsOpen = { ...get().panelsOpen, [panel]: open };
      set({ panelsOpen });
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify(panelsOpen));
      } catch {
        // Storage full or refused: the panels still open and close for this session.
      }
    },
    revealDetails() {
      set({
        panelsOpen: { ...get().panelsOpen, left: true },
        panelFocus: { target: 'details', seq: (get().panelFocus?.seq ?? 0) + 1 },
      });
    },
  });
}
