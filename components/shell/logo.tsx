export function Logo() {
  return (
    <span className="flex items-center gap-2 font-semibold">
      <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-full bg-accent text-sm font-black text-bg">
        B
      </span>
      <span>
        Hash<span className="text-accent">Insight</span>
      </span>
    </span>
  );
}
