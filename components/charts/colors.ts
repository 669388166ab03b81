/**
 * The theme's accent colour as a CSS variable, not a hex: a white-label brand's primary colour
 * replaces it on its host (components/brands/brand-theme.tsx), so charts follow the brand too.
 */
export const ACCENT = 'var(--color-accent)';
