'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ActionResult } from '@/lib/actions/action';
import { DialogActions } from './form-dialog';
import { useActionCall } from './use-action-call';

/** A destructive action behind a keyboard-usable confirmation dialog, with a toast for the outcome. */
export function ConfirmButton({
  label,
  title,
  body,
  successMessage,
  onConfirm,
  onDone,
  trigger,
}: {
  label: string;
  title: string;
  body: string;
  successMessage: string;
  onConfirm: () => Promise<ActionResult<unknown>>;
  /** After the success toast, with the dialog closed (a refresh). */
  onDone?: () => void;
  /** The button that opens the dialog, when a plain secondary `label` button does not fit the row. */
  trigger?: ReactNode;
}) {
  const tc = useTranslations('Common');
  const [open, setOpen] = useState(false);
  const { pending, run } = useActionCall();
  const confirm = () =>
    run(onConfirm, {
      success: () => successMessage,
      onSuccess: () => {
        setOpen(false);
        onDone?.();
      },
    });
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={title}
      closeLabel={tc('close')}
      trigger={
        trigger ?? (
          <Button variant="secondary" type="button">
            {label}
          </Button>
        )
      }
    >
      <p className="mb-4 text-sm text-muted">{body}</p>
      <DialogActions onCancel={() => setOpen(false)}>
        <Button type="button" onClick={confirm} disabled={pending}>
          {label}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
