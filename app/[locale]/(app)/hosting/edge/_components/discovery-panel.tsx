'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useRef, useState, useSyncExternalStore } from 'react';
import { SelectField, TextField } from '@/components/form/fields';
import { useActionCall } from '@/components/form/use-action-call';
import { DataTable } from '@/components/list/data-table';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { AddOutcome } from '@/db/queries/edge/discovery';
import { addDiscoveredMinersAction } from '@/lib/actions/edge/add-discovered-miners';
import type { DiscoveredMiner } from '@/lib/edge/discovery';
import type { ScanEvent } from '@/lib/edge/discovery-ui/scan-stream';

type Progress = { done: number; total: number; found: number };
const REASONS = ['badTargets', 'badPorts', 'notLoopback', 'tooMany'] as const;
const keyOf = (m: { ip: string; port: number }) => `${m.ip}:${m.port}`;
const noSubscription = () => () => {};

/** Scan a range (streamed progress), pick what answered, add it to a site; each row says what happened. */
export function DiscoveryPanel({ sites }: { sites: { id: string; name: string }[] }) {
  const t = useTranslations('Edge.discovery');
  const te = useTranslations('Errors');
  const [targets, setTargets] = useState('127.0.0.1');
  const [ports, setPorts] = useState('4028');
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [found, setFound] = useState<DiscoveredMiner[] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [siteId, setSiteId] = useState('');
  const [outcomes, setOutcomes] = useState<Map<string, AddOutcome>>(new Map());
  const { pending: adding, run } = useActionCall();
  const abort = useRef<AbortController | null>(null);
  // Until hydrated, a click would submit the form natively (a GET that drops ?tab=discovery).
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);

  async function scan(e: FormEvent) {
    e.preventDefault();
    abort.current = new AbortController();
    setScanning(true);
    setError(null);
    setFound(null);
    setOutcomes(new Map());
    setProgress(null);
    try {
      const res = await fetch('/api/hosting/edge/discovery', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ targets, ports }),
        signal: abort.current.signal,
      });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null;
        const reason = Object.values(body?.error?.fields ?? {})[0];
        if (res.status === 400) setError(t('refused', { reason: REASONS.includes(reason as never) ? t(`refusal.${reason as (typeof REASONS)[number]}`) : t('refusal.badTargets'), detail: body?.error?.message ?? '' }));
        else setError(te(body?.error?.code === 'FORBIDDEN' ? 'FORBIDDEN' : body?.error?.code === 'UNAUTHENTICATED' ? 'UNAUTHENTICATED' : 'INTERNAL'));
        return;
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines.filter(Boolean)) {
          const event = JSON.parse(line) as ScanEvent;
          if (event.type === 'start') setProgress({ done: 0, total: event.total, found: 0 });
          else if (event.type === 'progress') setProgress({ done: event.done, total: event.total, found: event.found });
          else {
            setFound(event.miners);
            setSelected(new Set(event.miners.map(keyOf)));
          }
        }
      }
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setError(te('INTERNAL'));
    } finally {
      setScanning(false);
    }
  }

  function add() {
    const chosen = (found ?? []).filter((m) => selected.has(keyOf(m)));
    if (!siteId || !chosen.length) return;
    run(() => addDiscoveredMinersAction({ siteId, miners: chosen }), {
      success: (rows) => {
        const created = rows.filter((o) => o.status === 'created').length;
        return t('added', { created, conflicts: rows.length - created });
      },
      onSuccess: (rows) => setOutcomes(new Map(rows.map((o) => [keyOf(o), o]))),
    });
  }

  const toggle = (k: string) => setSelected((s) => (s.has(k) ? (s.delete(k), new Set(s)) : new Set(s.add(k))));
  const pct = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={scan} className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end" noValidate>
        <TextField id="scan-targets" name="targets" label={t('targets')} value={targets} onChange={(e) => setTargets(e.target.value)} placeholder="10.0.0.1-254, 10.0.1.0/24" maxLength={4000} required />
        <TextField id="scan-ports" name="ports" label={t('ports')} value={ports} onChange={(e) => setPorts(e.target.value)} placeholder="4028" maxLength={200} />
        {scanning ? (
          <Button type="button" variant="secondary" onClick={() => abort.current?.abort()}>
            {t('cancel')}
          </Button>
        ) : (
          <Button type="submit" disabled={!ready}>
            {t('scan')}
          </Button>
        )}
      </form>
      <p className="text-xs text-muted">{t('hint')}</p>
      {error ? (
        <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 p-3 text-sm text-bad">
          {error}
        </p>
      ) : null}
      {progress ? (
        <div role="status" aria-live="polite" className="flex flex-col gap-1">
          <div className="h-2 overflow-hidden rounded bg-surface-2" aria-hidden>
            <div className="h-full bg-accent transition-all" style={{ width: `${pct}%` }} />
          </div>
          <p className="text-xs text-muted tabular-nums">{t('progress', { done: progress.done, total: progress.total, found: progress.found })}</p>
        </div>
      ) : null}
      {found && found.length === 0 ? <p className="text-sm text-muted">{t('none')}</p> : null}
      {found && found.length > 0 ? (
        <>
          <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
            <SelectField id="discovery-site" name="siteId" label={t('site')} value={siteId} onChange={(e) => setSiteId(e.target.value)} empty={t('chooseSite')} options={sites} />
            <Button type="button" onClick={add} disabled={adding || !siteId || selected.size === 0}>
              {t('addSelected', { count: selected.size })}
            </Button>
          </div>
          <DataTable
            label={t('results')}
            rows={found}
            rowKey={keyOf}
            columns={[
              {
                key: 'select',
                header: <input type="checkbox" aria-label={t('selectAll')} checked={selected.size === found.length} onChange={(e) => setSelected(e.target.checked ? new Set(found.map(keyOf)) : new Set())} />,
                cell: (m) => <input type="checkbox" aria-label={t('selectOne', { address: keyOf(m) })} checked={selected.has(keyOf(m))} onChange={() => toggle(keyOf(m))} />,
              },
              { key: 'address', header: t('address'), cellClassName: 'font-mono text-xs', cell: keyOf },
              { key: 'vendor', header: t('vendor'), cell: (m) => m.vendor },
              { key: 'model', header: t('model'), cell: (m) => m.model ?? '—' },
              { key: 'firmware', header: t('firmware'), cellClassName: 'text-xs', cell: (m) => m.firmware ?? '—' },
              { key: 'mac', header: t('mac'), cellClassName: 'font-mono text-xs', cell: (m) => m.macAddress ?? '—' },
              { key: 'outcome', header: t('outcome'), cell: (m) => <Outcome outcome={outcomes.get(keyOf(m))} /> },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}

function Outcome({ outcome }: { outcome: AddOutcome | undefined }) {
  const t = useTranslations('Edge.discovery');
  if (outcome?.status === 'created') return <Badge tone="ok">{t('created')}</Badge>;
  if (outcome?.status === 'conflict') return <Badge tone="warn">{t(`conflict.${outcome.field}`, { name: outcome.minerName ?? '' })}</Badge>;
  return null;
}
