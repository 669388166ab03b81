/** Per-miner limits (REFERENCE §6): reboots 5 per 300 s, every other command 20 per 60 s. */
export const COMMAND_RATE_LIMITS = { REBOOT: { max: 5, windowS: 300 }, other: { max: 20, windowS: 60 } } as const;
