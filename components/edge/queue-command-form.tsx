'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { queueCommandAction } from '@/lib/actions/edge/queue-command';

const TYPES = ['REBOOT', 'SLEEP', 'WAKE', 'POWER_MODE', 'POOL_SET', 'SET_FREQUENCY', 'SET_POWER_TARGET'] as const;

/** Queues a command for the chosen miners (one, or a selection with Ctrl/Shift). */
export function QueueCommandForm({ miners }: { miners: { id: string; name: string }[] }) {
  const t = useTranslations('Edge');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const [type, setType] = useState<(typeof TYPES)[number]>('REBOOT');
  const [state, action, pending] = useActionState(queueCommandAction, null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const err = (k: string) => (fe[k] ? tv(fe[k]) : undefined);
  useEffect(() => {
    if (!state) return;
    if (state.ok) toast.success(t('queued', { count: state.data.queued }));
    else if (state.code !== 'VALIDATION') toast.error(state.code === 'RATE_LIMITED' ? t('rateLimited') : te(state.code));
  }, [state, t, te]);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2" noValidate>
      <Field id="cmd-miners" label={t('miners')} error={err('minerIds')}>
        <Select id="cmd-miners" name="minerIds" multiple size={6} invalid={Boolean(fe.minerIds)}>
          {miners.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex flex-col gap-3">
        <Field id="cmd-type" label={t('commandType')}>
          <Select id="cmd-type" name="type" value={type} onChange={(e) => setType(e.target.value as (typeof TYPES)[number])}>
            {TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`type.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        {type === 'POWER_MODE' ? (
          <Field id="cmd-mode" label={t('mode')} error={err('params.mode')}>
            <Select id="cmd-mode" name="mode" defaultValue="low">
              <option value="low">{t('modeLow')}</option>
              <option value="normal">{t('modeNormal')}</option>
              <option value="high">{t('modeHigh')}</option>
            </Select>
          </Field>
        ) : null}
        {type === 'POOL_SET' ? (
          <>
            <Field id="cmd-url" label={t('poolUrl')} error={err('params.url')}>
              <Input id="cmd-url" name="url" placeholder="stratum+tcp://pool.example:3333" invalid={Boolean(fe['params.url'])} />
            </Field>
            <Field id="cmd-user" label={t('poolUser')} error={err('params.user')}>
              <Input id="cmd-user" name="user" invalid={Boolean(fe['params.user'])} />
            </Field>
          </>
        ) : null}
        {type === 'SET_FREQUENCY' ? (
          <Field id="cmd-mhz" label={t('mhz')} error={err('params.mhz')}>
            <Input id="cmd-mhz" name="mhz" inputMode="numeric" invalid={Boolean(fe['params.mhz'])} />
          </Field>
        ) : null}
        {type === 'SET_POWER_TARGET' ? (
          <Field id="cmd-watts" label={t('watts')} error={err('params.watts')}>
            <Input id="cmd-watts" name="watts" inputMode="numeric" invalid={Boolean(fe['params.watts'])} />
          </Field>
        ) : null}
        <Button type="submit" disabled={pending}>
          {t('queue')}
        </Button>
      </div>
    </form>
  );
}
