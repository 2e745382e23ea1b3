"use client";
import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";

// Labelled inputs with their error right below (aria-describedby), with ids
// from useId so several forms (upload, edits) can share a page. Used by the
// music and video forms.

const box = (error?: string) =>
  `block w-full rounded-md border px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500 ${error ? "border-red-500" : "border-stone-300"}`;

function Wrapper({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-700">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({ label, error, ...rest }: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string }) {
  const id = useId();
  return (
    <Wrapper id={id} label={label} error={error}>
      <input id={id} type="text" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={box(error)} {...rest} />
    </Wrapper>
  );
}

export function TextAreaField({ label, error, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string }) {
  const id = useId();
  return (
    <Wrapper id={id} label={label} error={error}>
      <textarea id={id} rows={2} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={`${box(error)} resize-y`} {...rest} />
    </Wrapper>
  );
}
