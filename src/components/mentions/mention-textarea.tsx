"use client";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type KeyboardEvent, type Ref, type TextareaHTMLAttributes } from "react";
import { mentionAtCaret } from "@/lib/mentions";
import { Avatar } from "@/components/ui/avatar";
import { useMentionSuggestions } from "./use-mention-suggestions";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  ref?: Ref<HTMLTextAreaElement>;
  /** Classes for the wrapper (it holds the textarea and the list), e.g. to keep a flex layout. */
  wrapperClassName?: string;
};

/** Sets a controlled textarea's value as typing would, so the owner's onChange sees it (React listens to "input"). */
function typeInto(el: HTMLTextAreaElement, value: string, caret: number) {
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(el, value);
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.setSelectionRange(caret, caret);
}

/**
 * A drop-in <textarea> with "@" autocomplete: typing "@" and a prefix offers
 * the viewer's friends (a listbox the textbox controls, the active option
 * as aria-activedescendant, the count in a live region); up/down choose,
 * Enter or Tab insert "@handle ", Escape closes. Every other prop, the ref
 * and the owner's onChange/onKeyDown work as on a plain textarea.
 */
export function MentionTextarea({ ref, onKeyDown, onChange, onSelect, onBlur, className, wrapperClassName = "", ...rest }: Props) {
  const t = useTranslations("mentions");
  const listId = useId();
  const own = useRef<HTMLTextAreaElement | null>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const open = mention !== null && mention.start !== dismissed;
  const answer = useMentionSuggestions(open ? mention.query : null);
  const items = answer ?? [];
  const shown = open && items.length > 0;
  const current = Math.min(active, Math.max(0, items.length - 1));

  const setRefs = (el: HTMLTextAreaElement | null) => {
    own.current = el;
    if (typeof ref === "function") ref(el);
    else if (ref) (ref as { current: HTMLTextAreaElement | null }).current = el;
  };

  const detect = (el: HTMLTextAreaElement) => {
    const found = el.selectionStart === el.selectionEnd ? mentionAtCaret(el.value, el.selectionStart) : null;
    setMention((prev) => (prev?.start === found?.start && prev?.query === found?.query ? prev : found));
    if (found?.start !== mention?.start || found?.query !== mention?.query) setActive(0);
    if (!found) setDismissed(null);
  };

  const pick = (handle: string) => {
    const el = own.current;
    if (!el || !mention) return;
    const caret = el.selectionStart;
    const insert = `@${handle} `;
    const next = el.value.slice(0, mention.start) + insert + el.value.slice(caret);
    setMention(null);
    typeInto(el, next, mention.start + insert.length);
    el.focus();
  };

  const keyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (shown) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const step = e.key === "ArrowDown" ? 1 : -1;
        setActive((current + step + items.length) % items.length);
        return;
      }
      if ((e.key === "Enter" && !e.ctrlKey && !e.metaKey && !e.shiftKey) || e.key === "Tab") {
        e.preventDefault();
        pick(items[current]!.handle);
        return;
      }
      if (e.key === "Escape") {
        // Closes the list only: a comment box's Escape (cancel) is not triggered.
        e.preventDefault();
        setDismissed(mention!.start);
        return;
      }
    }
    onKeyDown?.(e);
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;
  return (
    <div className={`relative ${wrapperClassName}`}>
      <textarea
        {...rest}
        ref={setRefs}
        // Stays a (multi-line) textbox: ARIA's combobox is single-line, and the
        // textbox role supports what the list needs (autocomplete, controls, active option).
        aria-autocomplete="list"
        aria-controls={listId}
        aria-activedescendant={shown ? optionId(current) : undefined}
        className={className}
        onChange={(e) => {
          onChange?.(e);
          detect(e.currentTarget);
        }}
        onSelect={(e) => {
          onSelect?.(e);
          detect(e.currentTarget);
        }}
        onBlur={(e) => {
          onBlur?.(e);
          setMention(null);
        }}
        onKeyDown={keyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t("listLabel")}
        hidden={!shown}
        data-testid="mention-suggestions"
        className="absolute top-full left-0 z-30 mt-1 max-h-64 w-64 max-w-full overflow-auto rounded-md border border-stone-200 bg-white py-1 shadow-lg"
      >
        {shown &&
          items.map((u, i) => (
            <li
              key={u.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              data-testid="mention-option"
              // mousedown, not click: the textarea keeps focus (and its caret).
              onMouseDown={(e) => {
                e.preventDefault();
                pick(u.handle);
              }}
              onMouseEnter={() => setActive(i)}
              className={`flex cursor-pointer items-center gap-2 px-2 py-1.5 text-sm ${i === current ? "bg-brand-50 text-brand-900" : "text-stone-800"}`}
            >
              <Avatar user={u} size="sm" />
              <span className="min-w-0">
                <span className="block truncate font-medium">{u.displayName}</span>
                <span className="block truncate text-xs text-stone-500">@{u.handle}</span>
              </span>
            </li>
          ))}
      </ul>
      <span className="sr-only" aria-live="polite">
        {open && answer ? t("count", { count: answer.length }) : ""}
      </span>
    </div>
  );
}
