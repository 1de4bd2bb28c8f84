/** The heading of the current view; the dashboard moves focus here after keyboard navigation. */
export function ViewHeading({ label }: { label: string }) {
  return (
    <h2 id="view-heading" tabIndex={-1}>
      {label}
    </h2>
  );
}
