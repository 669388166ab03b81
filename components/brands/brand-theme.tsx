import type { Brand } from '@/db/queries/hosting/brands';

/**
 * The brand's colours as the theme's CSS variables, in the server-rendered <head>, so the first
 * paint already has them (no flash of the default orange). The values were checked as #rrggbb on
 * save (lib/validation/brands.ts), which is what makes inlining them safe.
 */
export function BrandTheme({ brand }: { brand: Pick<Brand, 'primaryColor' | 'accentColor'> }) {
  const hex = /^#[0-9a-f]{6}$/i;
  if (!hex.test(brand.primaryColor) || !hex.test(brand.accentColor)) return null;
  const css = `:root{--color-accent:${brand.primaryColor};--color-accent-soft:${brand.primaryColor}26;--color-brand-accent:${brand.accentColor}}`;
  return <style id="brand-theme">{css}</style>;
}
