/** A customer's tags as small chips; nothing when there are none. */
export function TagList({ tags }: { tags: readonly string[] }) {
  if (!tags.length) return null;
  return (
    <ul className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <li key={tag} className="rounded bg-surface-2 px-1.5 py-0.5 text-xs text-muted">
          {tag}
        </li>
      ))}
    </ul>
  );
}
