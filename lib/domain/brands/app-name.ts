/** The product's own name: what pages, menus and e-mails say unless a white-label brand names itself. */
export const PRODUCT_NAME = 'HashInsight';

/** The name to show: a brand's (on its host, or to its customers), else the product's. */
export function appNameOf(brand: { displayName: string } | null | undefined): string {
  return brand?.displayName ?? PRODUCT_NAME;
}
