import { ROLES, type Role } from '@/lib/core/roles';

/**
 * How far each role reaches, highest first (lib/core/roles.ts lists them in that order): an
 * administrator hands out and manages roles up to its own, never above it, so nobody makes themselves
 * or anyone else an owner without being one.
 */
export const roleRank = (role: Role) => ROLES.length - ROLES.indexOf(role);

/** Whether `actor` may give `role` to someone. */
export const canGrantRole = (actor: Role, role: Role) => roleRank(role) <= roleRank(actor);

/** The roles `actor` may give, highest first: what the invitation and edit forms offer. */
export const grantableRoles = (actor: Role): Role[] => ROLES.filter((r) => canGrantRole(actor, r));

/**
 * Whether `actor` may change, disable or delete someone who holds `target`: not someone above them
 * (an administrator cannot disable the owner who can undo it).
 */
export const canManageRole = (actor: Role, target: Role) => roleRank(target) <= roleRank(actor);
