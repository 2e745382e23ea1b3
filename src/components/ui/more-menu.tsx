"use client";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export type MoreMenuItem = { key: string; label: string; onSelect: () => void; danger?: boolean };

/**
 * A menu button (WAI-ARIA menu pattern): the button opens a list of actions;
 * focus moves to the first one, arrow keys / Home / End move between them,
 * Enter or Space runs one, Esc closes and gives focus back to the button,
 * Tab or a click elsewhere closes it.
 */
export function MoreMenu({ label, children, items, testId, className = "" }: { label: string; children: ReactNode; items: MoreMenuItem[]; testId?: string; className?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    itemRefs.current[0]?.focus();
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const all = itemRefs.current.filter((x): x is HTMLButtonElement => x !== null);
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const move = (i: number) => all[(i + all.length) % all.length]?.focus();
    if (e.key === "ArrowDown") move(at + 1);
    else if (e.key === "ArrowUp") move(at - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(all.length - 1);
    else if (e.key === "Escape") close(true);
    else if (e.key === "Tab") return close(false);
    else return;
    e.preventDefault();
  };

  return (
    <div ref={root} className={`relative ${className}`} data-testid={testId}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-label={label}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className="inline-flex min-h-9 min-w-9 items-center justify-center gap-1 rounded-md px-2 py-1.5 text-sm font-medium text-stone-600 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {children}
      </button>
      {open && (
        <ul id={`${id}-menu`} role="menu" aria-label={label} onKeyDown={onMenuKey} className="absolute right-0 z-20 mt-1 min-w-40 rounded-md border border-stone-200 bg-white py-1 shadow-lg">
          {items.map((item, i) => (
            <li key={item.key} role="none">
              <button
                ref={(el) => {
                  itemRefs.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  // Focus back on the button first: a dialog the item opens returns focus there when it closes.
                  close(true);
                  item.onSelect();
                }}
                className={`block w-full px-3 py-2 text-left text-sm hover:bg-stone-100 focus:bg-stone-100 focus:outline-none ${item.danger ? "text-red-700" : "text-stone-800"}`}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
