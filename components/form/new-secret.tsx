/** A secret the server returns once (an API or collector token), with the warning that it will not be shown again. */
export function NewSecret({ note, secret, testId }: { note: string; secret: string; testId: string }) {
  return (
    <div role="status" className="rounded-md border border-warn/40 bg-warn/10 p-3 text-sm" data-testid={testId}>
      <p className="mb-2 text-warn">{note}</p>
      <code className="block break-all rounded bg-bg p-2 font-mono text-xs">{secret}</code>
    </div>
  );
}
