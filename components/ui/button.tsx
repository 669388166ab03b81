import type { ButtonHTMLAttributes } from 'react';

const VARIANTS = {
  primary: 'bg-accent text-bg hover:bg-accent/90 font-semibold',
  secondary: 'bg-surface-2 text-ink hover:bg-line border border-line',
  ghost: 'text-muted hover:text-ink hover:bg-surface-2',
} as const;

export function buttonClass(variant: keyof typeof VARIANTS = 'primary', extra = '') {
  return `inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm transition-colors disabled:opacity-50 disabled:pointer-events-none ${VARIANTS[variant]} ${extra}`;
}

export function Button({ variant = 'primary', className = '', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}
