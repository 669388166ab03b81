'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { SelectField, TextField } from '@/components/form/fields';
import { useActionCall } from '@/components/form/use-action-call';
import { Button } from '@/components/ui/button';
import { checkWeb3ConfigAction } from '@/lib/actions/web3/check-web3-config';
import { saveWeb3ConfigAction } from '@/lib/actions/web3/save-web3-config';
import type { Web3StepResult } from '@/lib/actions/web3/web3-flow';
import { useRouter } from '@/lib/i18n/navigation';
import { EXCHANGES } from '@/lib/integrations/exchange/test-connection';

const STEPS = ['addresses', 'wallet', 'exchange', 'confirm'] as const;

/**
 * Payout addresses, a watch-only key, an exchange key, then a review to confirm. One form holds every
 * step (hidden, not unmounted, so nothing typed is lost); each "Next" has the server check what is
 * there, and only the confirmation writes. The server answers with the review, never with a secret.
 */
export function Web3Wizard() {
  const t = useTranslations('Web3');
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [step, setStep] = useState(0);
  const [review, setReview] = useState<Web3StepResult | null>(null);
  const { pending, run, errors } = useActionCall();
  const data = () => new FormData(form.current!);
  const next = (test = false) =>
    run(
      () => {
        const fd = data();
        if (test) fd.set('testConnection', 'true');
        return checkWeb3ConfigAction(null, fd);
      },
      {
        success: (r) => (r.connection ? (r.connection.ok ? t('testOk') : { tone: 'error', text: t(`test_${r.connection.reason}`) }) : null),
        onSuccess: (r) => {
          setReview(r);
          if (!test) setStep((s) => Math.min(s + 1, STEPS.length - 1));
        },
      },
    );
  const save = () =>
    run(() => saveWeb3ConfigAction(null, data()), {
      success: () => t('saved'),
      onSuccess: () => {
        form.current?.reset();
        setReview(null);
        setStep(0);
        router.refresh();
      },
    });
  const field = (name: string) => errors[name];
  return (
    <section className="rounded-lg border border-line bg-surface p-4" aria-labelledby="web3-wizard-title">
      <h2 id="web3-wizard-title" className="mb-3 font-semibold">
        {t('wizardTitle')}
      </h2>
      <ol className="mb-4 flex flex-wrap gap-2 text-xs" aria-label={t('steps')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} className={`rounded px-2 py-1 ${i === step ? 'bg-accent text-bg' : 'bg-surface-2 text-muted'}`}>
            {i + 1}. {t(`step_${s}`)}
          </li>
        ))}
      </ol>
      <form ref={form} noValidate onSubmit={(e) => e.preventDefault()} className="flex flex-col gap-4">
        <fieldset hidden={step !== 0} className="flex flex-col gap-4">
          <p className="text-sm text-muted">{t('addressesHint')}</p>
          <TextField id="w3-btc" name="btcAddress" label={t('btcAddress')} error={field('btcAddress')} autoComplete="off" spellCheck={false} maxLength={100} placeholder="bc1q…" />
          <SelectField id="w3-btc-network" name="btcNetwork" label={t('btcNetwork')} options={['mainnet', 'testnet', 'regtest'].map((n) => ({ id: n, name: t(`network_${n}`) }))} />
          <TextField id="w3-usdt" name="usdtAddress" label={t('usdtAddress')} hint={t('usdtHint')} error={field('usdtAddress')} autoComplete="off" spellCheck={false} maxLength={60} placeholder="0x…" />
        </fieldset>
        <fieldset hidden={step !== 1} className="flex flex-col gap-4">
          <p className="text-sm text-muted">{t('walletHint')}</p>
          <TextField id="w3-xpub-label" name="xpubLabel" label={t('label')} maxLength={80} />
          <TextField id="w3-xpub" name="xpub" label={t('xpub')} error={field('xpub')} autoComplete="off" spellCheck={false} maxLength={130} placeholder="xpub… / zpub…" />
          {review?.review.wallet ? <DerivedAddresses addresses={review.review.wallet.addresses} /> : null}
        </fieldset>
        <fieldset hidden={step !== 2} className="flex flex-col gap-4">
          <p className="text-sm text-muted">{t('exchangeHint')}</p>
          <SelectField id="w3-exchange" name="exchange" label={t('exchange')} error={field('exchange')} empty={t('noExchange')} options={EXCHANGES.map((e) => ({ id: e, name: t(`exchange_${e}`) }))} />
          <TextField id="w3-exchange-label" name="exchangeLabel" label={t('label')} maxLength={80} />
          <TextField id="w3-api-key" name="apiKey" label={t('apiKey')} error={field('apiKey')} type="password" autoComplete="off" maxLength={200} />
          <TextField id="w3-api-secret" name="apiSecret" label={t('apiSecret')} error={field('apiSecret')} type="password" autoComplete="new-password" maxLength={200} />
          <div>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => next(true)}>
              {t('testConnection')}
            </Button>
          </div>
        </fieldset>
        {step === 3 && review ? <Review result={review} /> : null}
        <div className="flex flex-wrap justify-between gap-2">
          <Button type="button" variant="ghost" disabled={step === 0 || pending} onClick={() => setStep((s) => Math.max(0, s - 1))}>
            {t('back')}
          </Button>
          {step < 3 ? (
            <Button type="button" disabled={pending} onClick={() => next()}>
              {t('next')}
            </Button>
          ) : (
            <Button type="button" disabled={pending} onClick={save}>
              {t('confirmSave')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}

function DerivedAddresses({ addresses }: { addresses: { index: number; address: string }[] }) {
  const t = useTranslations('Web3');
  return (
    <div>
      <p className="mb-1 text-xs text-muted">{t('derived')}</p>
      <ol className="flex flex-col gap-1 font-mono text-xs" data-testid="derived-addresses">
        {addresses.map((a) => (
          <li key={a.index} className="break-all">
            0/{a.index}: {a.address}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Review({ result }: { result: Web3StepResult }) {
  const t = useTranslations('Web3');
  const { btc, usdt, wallet, exchange } = result.review;
  const none = <span className="text-muted">{t('none')}</span>;
  return (
    <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-[12rem_1fr]" data-testid="web3-review">
      <dt className="text-muted">{t('btcAddress')}</dt>
      <dd className="break-all font-mono text-xs">{btc ? `${btc.address} (${t(`network_${btc.network}`)}, ${btc.kind})` : none}</dd>
      <dt className="text-muted">{t('usdtAddress')}</dt>
      <dd className="break-all font-mono text-xs">{usdt ? `${usdt.address}${usdt.checksummed ? '' : ` — ${t('noChecksum')}`}` : none}</dd>
      <dt className="text-muted">{t('xpub')}</dt>
      <dd>{wallet ? <DerivedAddresses addresses={wallet.addresses} /> : none}</dd>
      <dt className="text-muted">{t('exchange')}</dt>
      <dd>{exchange ? `${t(`exchange_${exchange.exchange}`)} · ${exchange.label} · ${exchange.keyHint}` : none}</dd>
    </dl>
  );
}
