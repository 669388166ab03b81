'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { queueCommandAction } from '@/lib/actions/edge/queue-command';
import { commandSupport, EDGE_COMMAND_TYPES, type EdgeCommandType } from '@/lib/domain/edge/command-support';

export type CommandTarget = { id: string; name: string; vendor?: string | null; firmware?: string | null };

/**
 * Queues a command for the chosen miners (one, or a selection with Ctrl/Shift). Before anything is
 * queued, a miner whose firmware (as the collector last identified it) does not take the chosen
 * command is marked "unsupported by this firmware" and cannot be picked; one picked before the
 * command changed is named and left out. The server names a parameter's error `params.<name>`.
 */
export function QueueCommandForm({ miners }: { miners: CommandTarget[] }) {
  const t = useTranslations('Edge');
  const [type, setType] = useState<EdgeCommandType>('REBOOT');
  const [selected, setSelected] = useState<string[]>([]);
  const form = useActionForm(queueCommandAction, { success: (r) => t('queued', { count: r.queued }), errors: { RATE_LIMITED: t('rateLimited') } });
  const param = (name: string) => ({ id: `cmd-${name}`, name, error: form.errors[`params.${name}`] });
  const unsupported = miners.filter((m) => commandSupport(m.vendor, type) === 'unsupported');
  const unsupportedIds = new Set(unsupported.map((m) => m.id));
  const chosenUnsupported = unsupported.filter((m) => selected.includes(m.id));
  const noneSupported = selected.length > 0 && chosenUnsupported.length === selected.length;
  return (
    <ActionForm form={form} className="grid gap-3 sm:grid-cols-2">
      <SelectField
        id="cmd-miners"
        name="minerIds"
        label={t('miners')}
        multiple
        size={6}
        onChange={(e) => setSelected(Array.from(e.currentTarget.selectedOptions, (o) => o.value))}
      >
        {/* A disabled option is never submitted: the command is not queued for a firmware that does not take it. */}
        {miners.map((m) => (
          <option key={m.id} value={m.id} disabled={unsupportedIds.has(m.id)}>
            {unsupportedIds.has(m.id) ? t('optionUnsupported', { name: m.name, vendor: m.vendor ?? '' }) : m.name}
          </option>
        ))}
      </SelectField>
      <div className="flex flex-col gap-3">
        <SelectField id="cmd-type" name="type" label={t('commandType')} value={type} onChange={(e) => setType(e.target.value as EdgeCommandType)} options={EDGE_COMMAND_TYPES.map((k) => ({ id: k, name: t(`type.${k}`) }))} />
        {type === 'POWER_MODE' ? (
          <SelectField {...param('mode')} label={t('mode')} defaultValue="low">
            <option value="low">{t('modeLow')}</option>
            <option value="normal">{t('modeNormal')}</option>
            <option value="high">{t('modeHigh')}</option>
          </SelectField>
        ) : null}
        {type === 'POOL_SET' ? (
          <>
            <TextField {...param('url')} label={t('poolUrl')} placeholder="stratum+tcp://pool.example:3333" />
            <TextField {...param('user')} label={t('poolUser')} />
          </>
        ) : null}
        {type === 'SET_FREQUENCY' ? <TextField {...param('mhz')} label={t('mhz')} inputMode="numeric" /> : null}
        {type === 'SET_POWER_TARGET' ? <TextField {...param('watts')} label={t('watts')} inputMode="numeric" /> : null}
        {chosenUnsupported.length ? (
          <p className="text-xs text-warn" role="status" data-testid="unsupported-by-firmware">
            {t('unsupportedByFirmware', { count: chosenUnsupported.length, names: chosenUnsupported.map((m) => `${m.name} (${m.vendor})`).join(', ') })}
          </p>
        ) : null}
        <SubmitButton disabled={noneSupported}>{t('queue')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
