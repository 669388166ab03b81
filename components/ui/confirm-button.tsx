'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ActionResult } from '@/lib/actions/action';

/** A destructive action behind a keyboard-usable confirmation dialog, with a toast for the outcome. */
export function ConfirmButton({
  label,
  title,
  body,
  successMessage,
  onConfirm,
}: {
  label: string;
  title: string;
  body: string;
  successMessage: string;
  onConfirm: () => Promise<ActionResult<unknown>>;
}) {
  const tc = useTranslations('Common');
  const te = useTranslations('Errors');
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const confirm = () =>
    start(async () => {
      const r = await onConfirm();
      if (r.ok) {
        toast.success(successMessage);
        setOpen(false);
      } else toast.error(te(r.code));
    });
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={title}
      closeLabel={tc('close')}
      trigger={
        <Button variant="secondary" type="button">
          {label}
        </Button>
      }
    >
      <p className="mb-4 text-sm text-muted">{body}</p>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" type="button" onClick={() => setOpen(false)}>
          {tc('cancel')}
        </Button>
        <Button type="button" onClick={confirm} disabled={pending}>
          {label}
        </Button>
      </div>
    </Dialog>
  );
}
