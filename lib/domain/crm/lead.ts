export const LEAD_SOURCES = ['web_form', 'referral', 'import', 'manual'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'converted', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** A converted lead is history and a lost one is closed: only open leads convert. */
export const canConvert = (status: LeadStatus) => status !== 'converted' && status !== 'lost';
