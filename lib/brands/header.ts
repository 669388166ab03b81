/** The request header through which proxy.ts tells the server which brand subdomain was asked for. */
export const BRAND_HEADER = 'x-hi-brand-subdomain';
