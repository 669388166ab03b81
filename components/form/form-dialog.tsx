'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

/**
 * A dialog around a form; `children` gets `close` for the form's onSuccess. The form mounts anew at
 * each opening (Radix unmounts a closed dialog's content), so it never shows the last attempt's errors.
 */
export function FormDialog({ title, trigger, children }: { title: ReactNode; trigger: ReactNode; children: (close: () => void) => ReactNode }) {
  const tc = useTranslations('Common');
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen} title={title} closeLabel={tc('close')} trigger={trigger}>
      {children(() => setOpen(false))}
    </Dialog>
  );
}

/** Cancel, then the dialog's own buttons, at its foot. */
export function DialogActions({ onCancel, children }: { onCancel: () => void; children: ReactNode }) {
  const tc = useTranslations('Common');
  return (
    <div className="flex justify-end gap-2">
      <Button type="button" variant="ghost" onClick={onCancel}>
        {tc('cancel')}
      </Button>
      {children}
    </div>
  );
}
