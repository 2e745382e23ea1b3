"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { addCommentAction } from "@/actions/comment-actions";
import { charLength, COMMENT_MAX_CHARS } from "@/lib/comment-limits";
import type { CommentView } from "@/server/comments/comment-view";
import { Button } from "@/components/ui/button";
import { MentionTextarea } from "@/components/mentions/mention-textarea";

type Props = {
  postId: string;
  /** The comment being answered; absent for a new top-level comment. */
  parentId?: string;
  /** The textarea's label (visible to screen readers) and placeholder. */
  label: string;
  placeholder: string;
  submitLabel: string;
  onAdded: (comment: CommentView, commentCount: number) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
  textareaRef?: React.Ref<HTMLTextAreaElement>;
};

/**
 * The comment box (also the inline reply box). Each draft carries a
 * client-generated key, so a double-click or a retry adds one comment; the
 * submit button is pending while the action runs. Errors (empty, too long)
 * show under the field in the user's language.
 */
export function CommentForm({ postId, parentId, label, placeholder, submitLabel, onAdded, onCancel, autoFocus, textareaRef }: Props) {
  const t = useTranslations("comments");
  const te = useTranslations("errors");
  const id = useId();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(Boolean(autoFocus));
  const [pending, startTransition] = useTransition();
  const clientKey = useRef<string>(crypto.randomUUID());
  const length = charLength(body);
  const over = length > COMMENT_MAX_CHARS;

  const submit = (e: { preventDefault(): void }) => {
    e.preventDefault();
    if (pending) return;
    // Said at once, without a round trip; the server checks the same rules.
    if (!body.trim()) return setError(te("commentEmpty"));
    if (over) return setError(te("commentTooLong"));
    startTransition(async () => {
      const res = await addCommentAction({ postId, body, clientKey: clientKey.current, ...(parentId ? { parentId } : {}) });
      if (res.ok) {
        onAdded(res.data.comment, res.data.commentCount);
        setBody("");
        setError(null);
        clientKey.current = crypto.randomUUID();
      } else {
        setError(te(res.fieldErrors?.body ?? res.error));
      }
    });
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Escape" && onCancel) onCancel();
    // Ctrl/⌘+Enter sends, as in most comment boxes; Enter alone is a new line.
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit(e);
  };

  const open = focused || body.length > 0 || Boolean(error);
  return (
    <form onSubmit={submit} noValidate className="mt-2" data-testid={parentId ? "reply-form" : "comment-form"}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <MentionTextarea
        id={id}
        ref={textareaRef}
        name="body"
        value={body}
        autoFocus={autoFocus}
        onChange={(e) => {
          setBody(e.target.value);
          if (error) setError(null);
        }}
        onFocus={() => setFocused(true)}
        onKeyDown={onKeyDown}
        placeholder={placeholder}
        rows={open ? 3 : 1}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-count${error ? ` ${id}-error` : ""}`}
        className={`block w-full resize-y rounded-md border bg-white px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm ${error ? "border-red-500" : "border-stone-300"}`}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
      {open && (
        <div className="mt-1.5 flex items-center gap-2">
          <span id={`${id}-count`} className={`text-xs tabular-nums ${over ? "font-semibold text-red-700" : "text-stone-500"}`}>
            <span aria-hidden>
              {length} / {COMMENT_MAX_CHARS}
            </span>
            <span className="sr-only">{t("characters", { count: length, max: COMMENT_MAX_CHARS })}</span>
          </span>
          {onCancel && (
            <Button type="button" variant="ghost" onClick={onCancel} className="ml-auto">
              {t("cancel")}
            </Button>
          )}
          <Button type="submit" pending={pending} className={onCancel ? "" : "ml-auto"}>
            {submitLabel}
          </Button>
        </div>
      )}
    </form>
  );
}
