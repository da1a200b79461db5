/**
 * Rounds an amount of money to cents, half away from zero, as a receipt does: 1.005 → 1.01,
 * −2.675 → −2.68, 0.125 → 0.13. The 1e-9 nudge (a billionth of a cent) makes the decimal half the
 * binary number only approximates round up: 1.005 is stored as 1.00499999999999989…, which plain
 * `Math.round(x * 100) / 100` takes down to 1.00. Amounts are in the scenario's currency; the one
 * rounding rule for the simulator's prices, the live store, its analytics and the synthetic checks.
 */
export function roundMoney(amount: number): number {
  const cents = Math.round(Math.abs(amount) * 100 + 1e-9);
  // Zero cents is +0 whatever the sign: a −0 would print as "−$0.00".
  return cents === 0 ? 0 : (Math.sign(amount) * cents) / 100;
}
