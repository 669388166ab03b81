import { Logo } from '@/components/shell/logo';
import { getHostBrand } from '@/lib/brands/host-brand';

/** The product's logo, or on a white-label host the brand's logo and name, rendered on the server. */
export async function BrandMark() {
  const host = await getHostBrand();
  if (host.kind !== 'brand') return <Logo />;
  const { brand } = host;
  return (
    <span className="flex min-w-0 items-center gap-2 font-semibold" data-brand={brand.subdomain}>
      {brand.logo ? (
        // eslint-disable-next-line @next/next/no-img-element -- a data: URL or the brand's own host, not something next/image can optimise
        <img src={brand.logo} alt="" className="h-7 w-auto max-w-[7rem] object-contain" />
      ) : (
        <span aria-hidden className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-accent text-sm font-black text-bg">
          {brand.displayName.slice(0, 1).toUpperCase()}
        </span>
      )}
      <span className="truncate">{brand.displayName}</span>
    </span>
  );
}
