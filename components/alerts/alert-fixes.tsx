'use client';

import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/form/confirm-button';
import { Button } from '@/components/ui/button';
import { queueCommandAction } from '@/lib/actions/edge/queue-command';
import type { CommandSupport } from '@/lib/domain/edge/command-support';
import type { FixCommand } from '@/lib/domain/alerts/fixes';
import { useRouter } from '@/lib/i18n/navigation';

export type AlertFix = { type: FixCommand; support: CommandSupport };

/**
 * The commands that fit an alert (lib/domain/alerts/fixes.ts), each queued for the alert's miner
 * through the miner command queue after a confirmation; the queue action checks the permission,
 * the scope and the per-miner rate limits. A firmware that cannot take the command says so here.
 */
export function AlertFixes({ minerId, minerName, fixes }: { minerId: string; minerName: string; fixes: AlertFix[] }) {
  const t = useTranslations('AlertActions');
  const te = useTranslations('Edge');
  const router = useRouter();
  return (
    <>
      {fixes.map((f) =>
        f.support === 'unsupported' ? (
          <Button key={f.type} variant="ghost" className="px-2 py-1 text-xs" disabled title={t('unsupported')}>
            {te(`type.${f.type}`)}
          </Button>
        ) : (
          <ConfirmButton
            key={f.type}
            label={te(`type.${f.type}`)}
            title={t('confirmTitle', { command: te(`type.${f.type}`), miner: minerName })}
            body={t('confirmBody')}
            successMessage={te('queued', { count: 1 })}
            onConfirm={() => {
              const form = new FormData();
              form.set('type', f.type);
              form.append('minerIds', minerId);
              return queueCommandAction(null, form);
            }}
            onDone={() => router.refresh()}
            trigger={
              <Button variant="secondary" className="px-2 py-1 text-xs">
                {te(`type.${f.type}`)}
              </Button>
            }
          />
        ),
      )}
    </>
  );
}
