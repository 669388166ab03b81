import { AppError } from '@/lib/core/errors';
import { isOrgWide, type Scope } from '@/lib/core/scope';

/**
 * The treasury is the organization's own money: its holdings, cash and whole-farm costs. Only an
 * organization-wide scope (owners, administrators) reads or writes it; a site-bound role would see
 * other sites' costs through it, and a client the host's margins.
 */
export function assertTreasuryScope(scope: Scope): void {
  if (!isOrgWide(scope)) throw new AppError('FORBIDDEN', 'The treasury is read by organization-wide roles only');
}
