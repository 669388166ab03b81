'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { addChatChannelAction } from '@/lib/actions/alerts/add-chat-channel';
import { useRouter } from '@/lib/i18n/navigation';

/** Adds a Slack-compatible webhook or a Telegram bot chat. The URL or token is typed once here and never shown again. */
export function ChatDialog() {
  const t = useTranslations('Alerts');
  return (
    <FormDialog title={t('addChat')} trigger={<Button variant="secondary">{t('addChat')}</Button>}>
      {(close) => <ChatForm onDone={close} />}
    </FormDialog>
  );
}

function ChatForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations('Alerts');
  const tc = useTranslations('Common');
  const router = useRouter();
  const [format, setFormat] = useState<'slack' | 'telegram'>('slack');
  const form = useActionForm(addChatChannelAction, {
    success: () => t('chatSaved'),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <SelectField id="chat-format" name="format" label={t('chatFormat')} value={format} onChange={(e) => setFormat(e.target.value as 'slack' | 'telegram')} options={(['slack', 'telegram'] as const).map((f) => ({ id: f, name: t(`channelFormats.${f}`) }))} />
      <TextField id="chat-label" name="label" label={t('webhookLabel')} maxLength={60} />
      {format === 'slack' ? (
        <TextField id="chat-url" name="url" label={t('slackUrl')} hint={t('slackUrlHint')} type="password" autoComplete="off" placeholder="https://hooks.slack.com/services/…" />
      ) : (
        <>
          <TextField id="chat-token" name="botToken" label={t('botToken')} hint={t('botTokenHint')} type="password" autoComplete="off" />
          <TextField id="chat-id" name="chatId" label={t('chatId')} hint={t('chatIdHint')} autoComplete="off" />
        </>
      )}
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
