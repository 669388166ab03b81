import { Suspense } from 'react';
import { BrandMark } from '@/components/brands/brand-mark';
import { LocaleSwitch } from '@/components/shell/locale-switch';

/** The centred card of the public pages (sign-in, sign-up): the brand's mark and the language switch above the content. */
export function PublicCard({ wide = false, children }: { wide?: boolean; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className={`w-full ${wide ? 'max-w-lg' : 'max-w-md'} rounded-xl border border-line bg-surface p-6 shadow-2xl`}>
        <div className="mb-6 flex items-center justify-between">
          <BrandMark />
          <Suspense>
            <LocaleSwitch />
          </Suspense>
        </div>
        {children}
      </div>
    </main>
  );
}
