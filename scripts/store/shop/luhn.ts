/**
 * The Luhn (mod 10) check digit test that card numbers carry (ISO/IEC 7812-1, annex B): from the
 * right, double every second digit, subtract 9 from results above 9, and the sum must be a multiple
 * of 10. `digits` must be digits only.
 *
 * luhnValid("4242424242424242") // → true
 * luhnValid("4242424242424241") // → false
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
