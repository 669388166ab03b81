/**
 * The profitability rule kinds: the database enum, the rule form's schema and the evaluation all
 * read this one list, so a kind cannot exist in one of them and be missing from another.
 */
export const RULE_KINDS = ['hashprice_below', 'profit_below', 'difficulty_change_above'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
