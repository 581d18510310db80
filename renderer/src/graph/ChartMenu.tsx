import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

/** One entry of the chart's context menu. */
export interface ChartMenuItem {
  label: string;
  title?: string;
  /** Starts a new block, drawn with a line above it. */
  separated?: boolean;
  act(): void;
  testId?: string;
}

export interface ChartMenuProps {
  /** Where the menu opens, in pixels from the chart stage's top left corner (moved back inside it near an edge). */
  x: number;
  y: number;
  /** What the menu is about ("Ion Popa", "link"): read out as the menu's name. */
  about: string;
  items: readonly ChartMenuItem[];
  /** Closes the menu; `chosen` is true when an item was run (focus is then the item's business). */
  onClose(chosen: boolean): void;
}

/**
 * The chart's context menu, for the right-click on a node or link and for the keyboard (the
 * context-menu key or Shift+F10 in the chart's list). It takes the focus on its first item; ↑ ↓
 * Home End move, Enter or Space runs, Escape or Tab closes, and so does a press outside it.
 */
export function ChartMenu({ x, y, about, items, onClose }: ChartMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState({ left: x, top: y });
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  // Kept inside the stage: a menu opened near the right or bottom edge opens leftwards or upwards.
  useLayoutEffect(() => {
    const menu = ref.current;
    const stage = menu?.offsetParent;
    if (!menu || !(stage instanceof HTMLElement)) return;
    const left = x + menu.offsetWidth > stage.clientWidth ? Math.max(0, x - menu.offsetWidth) : x;
    const top = y + menu.offsetHeight > stage.clientHeight ? Math.max(0, y - menu.offsetHeight) : y;
    setAt({ left, top });
    menu.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [x, y]);

  useEffect(() => {
    const onPress = (event: MouseEvent) => {
      if (ref.current && event.target instanceof Node && !ref.current.contains(event.target)) closeRef.current(false);
    };
    document.addEventListener('mousedown', onPress, true);
    return () => document.removeEventListener('mousedown', onPress, true);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const index = buttons.findIndex((b) => b === document.activeElement);
    const go = (to: number) => {
      event.preventDefault();
      buttons[(to + buttons.length) % buttons.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return go(index + 1);
      case 'ArrowUp':
        return go(index < 0 ? buttons.length - 1 : index - 1);
      case 'Home':
        return go(0);
      case 'End':
        return go(buttons.length - 1);
      case 'Escape':
      case 'Tab':
        event.preventDefault();
        event.stopPropagation();
        onClose(false);
        return;
      default:
        return;
    }
  };

  return (
    <div
      ref={ref}
      className="chart-menu"
      role="menu"
      aria-label={`Actions for ${about}`}
      style={{ left: at.left, top: at.top }}
      data-testid="chart-menu"
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          title={item.title}
          className={item.separated ? 'chart-menu-separated' : undefined}
          data-testid={item.testId}
          onClick={() => {
            onClose(true);
            item.act();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
