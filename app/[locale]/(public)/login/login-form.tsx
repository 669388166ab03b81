'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { SubmitButton, TextField } from '@/components/form/fields';
import { signInAction, type SignInState } from '@/lib/actions/auth/sign-in';
import { Link } from '@/lib/i18n/navigation';

export function LoginForm({ next, demoAccounts, demoPassword }: { next?: string; demoAccounts: string[]; demoPassword?: string }) {
  const t = useTranslations('Login');
  const tv = useTranslations('Validation');
  const locale = useLocale();
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const email = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  const fe = state.fieldErrors ?? {};

  return (
    <div className="flex flex-col gap-6">
      <form action={action} className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="locale" value={locale} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        {state.error ? (
          <p className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad" role="alert" data-testid="login-error">
            {state.error === 'rateLimited' ? t('rateLimited', { minutes: state.retryMinutes ?? 15 }) : t(state.error)}
          </p>
        ) : null}
        <TextField ref={email} name="email" label={t('email')} error={fe.email ? tv(fe.email) : undefined} type="email" autoComplete="username" defaultValue={state.email} required />
        <TextField ref={password} name="password" label={t('password')} error={fe.password ? tv(fe.password) : undefined} type="password" autoComplete="current-password" required />
        <SubmitButton pending={pending} pendingLabel={t('submitting')}>
          {t('submit')}
        </SubmitButton>
        <Link href="/forgot-password" className="text-center text-xs text-muted hover:text-accent hover:underline">
          {t('forgotPassword')}
        </Link>
      </form>

      {demoAccounts.length ? (
        <section className="rounded-lg border border-accent/30 bg-accent-soft p-4" aria-labelledby="demo-title">
          <h2 id="demo-title" className="text-sm font-semibold text-accent">
            {t('demoTitle')}
          </h2>
          <p className="mb-3 text-xs text-muted">{t('demoHint', { password: demoPassword ?? '' })}</p>
          <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2">
            {demoAccounts.map((account) => (
              <li key={account}>
                <button
                  type="button"
                  className="w-full rounded px-2 py-1 text-left font-mono text-xs hover:bg-surface-2"
                  aria-label={t('useAccount', { email: account })}
                  onClick={() => {
                    if (email.current) email.current.value = account;
                    if (password.current) password.current.value = demoPassword ?? '';
                  }}
                >
                  {account}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
