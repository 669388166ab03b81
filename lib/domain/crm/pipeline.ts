/** The deal pipeline's stages, in board order; the last two close a deal. */
export const DEAL_STAGES = ['prospect', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

export const OPEN_STAGES = DEAL_STAGES.filter((s) => s !== 'won' && s !== 'lost');

export const isClosedStage = (stage: DealStage) => stage === 'won' || stage === 'lost';

/** A lost deal says why; a won one may. */
export const needsReason = (to: DealStage) => to === 'lost';

export type MoveRefusal = 'same' | 'stale' | 'reason';

/**
 * Whether a card may move from where the page saw it (`seen`: stage and version) to `to`, given where
 * it is now. A page that saw an older version is refused: someone else changed the deal meanwhile,
 * and the board must reload rather than overwrite their move.
 */
export function checkMove(current: { stage: DealStage; version: number }, seen: { stage: DealStage; version: number }, to: DealStage, reason: string | null): MoveRefusal | null {
  if (current.version !== seen.version || current.stage !== seen.stage) return 'stale';
  if (current.stage === to) return 'same';
  if (needsReason(to) && !reason) return 'reason';
  return null;
}

/** What a move writes besides the stage: closing stamps the time and keeps the reason; reopening clears both. */
export function moveStamps(to: DealStage, reason: string | null, now: Date): { closedAt: Date | null; closeReason: string | null } {
  return isClosedStage(to) ? { closedAt: now, closeReason: reason } : { closedAt: null, closeReason: null };
}

/** The neighbouring stage for the board's keyboard moves (←/→); null at either end. */
export function adjacentStage(stage: DealStage, step: -1 | 1): DealStage | null {
  return DEAL_STAGES[DEAL_STAGES.indexOf(stage) + step] ?? null;
}
