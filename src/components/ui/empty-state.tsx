/** The dashed box a list shows when it has nothing yet; children say what to do next. */
export function EmptyState({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-stone-600" data-testid={testId}>
      {children}
    </div>
  );
}
