// The checks a persona's observations go through: funnel, money, forms, layout, timings and chat policy.
export { layoutCheck } from "./layoutCheck.ts";
export { assessItemPrices, assessMoneyReading, expectedMoney, moneyCheck } from "./moneyCheck.ts";
export { type DecimalSeparator, decimalPlaces, moneyTextProblem, parseMoney, parseQuantity, separatorsOf } from "./parseMoney.ts";
export { policyConformance } from "./policyConformance.ts";
export { MIN_REPORTED_WINDOW_SECONDS, predictInvitations } from "./predictInvitations.ts";
