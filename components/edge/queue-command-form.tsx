'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { queueCommandAction } from '@/lib/actions/edge/queue-command';

const TYPES = ['REBOOT', 'SLEEP', 'WAKE', 'POWER_MODE', 'POOL_SET', 'SET_FREQUENCY', 'SET_POWER_TARGET'] as const;
type CommandType = (typeof TYPES)[number];

/** Queues a command for the chosen miners (one, or a selection with Ctrl/Shift). The server names a parameter's error `params.<name>`. */
export function QueueCommandForm({ miners }: { miners: { id: string; name: string }[] }) {
  const t = useTranslations('Edge');
  const [type, setType] = useState<CommandType>('REBOOT');
  const form = useActionForm(queueCommandAction, { success: (r) => t('queued', { count: r.queued }), errors: { RATE_LIMITED: t('rateLimited') } });
  const param = (name: string) => ({ id: `cmd-${name}`, name, error: form.errors[`params.${name}`] });
  return (
    <ActionForm form={form} className="grid gap-3 sm:grid-cols-2">
      <SelectField id="cmd-miners" name="minerIds" label={t('miners')} multiple size={6} options={miners} />
      <div className="flex flex-col gap-3">
        <SelectField id="cmd-type" name="type" label={t('commandType')} value={type} onChange={(e) => setType(e.target.value as CommandType)} options={TYPES.map((k) => ({ id: k, name: t(`type.${k}`) }))} />
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
        <SubmitButton>{t('queue')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
