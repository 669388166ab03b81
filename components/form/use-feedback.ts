'use client';

import { useTranslations } from 'next-intl';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/actions/action';
import { type FeedbackMessages, noticeFor, type Translators } from './action-feedback';

/** The translators for action results (`Validation.*`, `Errors.*`) and the toast that reports one. */
export function useFeedback() {
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const t: Translators = { validation: (key) => tv(key), error: (code) => te(code) };
  const announce = <T>(result: ActionResult<T>, messages: FeedbackMessages<T>) => {
    const notice = noticeFor(result, t, messages);
    if (notice) toast[notice.tone](notice.text);
  };
  return { t, announce };
}
