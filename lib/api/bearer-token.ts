/** The token of an `Authorization: Bearer <token>` header, or null. */
export const bearerToken = (req: Request): string | null => /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '')?.[1] ?? null;

/** The params of a route without dynamic segments, for calling a wrapped handler directly. */
export const NO_PARAMS = { params: Promise.resolve({}) };
