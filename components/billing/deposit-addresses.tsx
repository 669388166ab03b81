import { getTranslations } from 'next-intl/server';
import type { DepositAddress } from '@/db/queries/billing/deposit-addresses';
import { depositQrText } from '@/lib/domain/billing/deposit-address';
import { QrCode } from './qr-code';

/**
 * A customer's deposit addresses, each with its QR code (drawn on the server), its network and the
 * address as selectable text; for the invoice page and the client portal. `actions` renders staff
 * controls beside each address (the customer billing page).
 */
export async function DepositAddresses({ addresses, actions }: { addresses: DepositAddress[]; actions?: (a: DepositAddress) => React.ReactNode }) {
  const t = await getTranslations('Billing.deposit');
  if (!addresses.length) return <p className="text-sm text-muted">{t('none')}</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2" data-testid="deposit-addresses">
      {addresses.map((a) => (
        <li key={a.asset} className="flex gap-3">
          <QrCode text={depositQrText(a.asset, a.address)} label={t('qrLabel', { asset: a.asset })} sizePx={128} />
          <div className="min-w-0 text-sm">
            <p className="font-medium">
              {a.asset} <span className="text-xs text-muted">· {t(`network.${a.network}`)}</span>
            </p>
            <p className="mt-1 font-mono text-xs break-all select-all">{a.address}</p>
            {a.network === 'testnet' ? <p className="mt-1 text-xs text-warn">{t('testnetWarning')}</p> : null}
            {actions ? <div className="mt-2">{actions(a)}</div> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
