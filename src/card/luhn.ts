/**
 * The Luhn (mod 10) check digit test, ISO/IEC 7812-1 annex B: the last digit of most card
 * numbers makes the weighted digit sum a multiple of ten, which catches every single-digit typo
 * and most swaps of two neighbouring digits.
 */

/** True when `digits` (ASCII digits only, at least one) passes the Luhn check. */
export function luhnValid(digits: string): boolean {
  if (digits.length === 0) return false;
  let sum = 0;
  // Every second digit from the right, starting with the one before the check digit, is doubled.
  let doubled = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    const digit = digits.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return false;
    if (doubled) {
      const twice = digit * 2;
      sum += twice > 9 ? twice - 9 : twice;
    } else {
      sum += digit;
    }
    doubled = !doubled;
  }
  return sum % 10 === 0;
}
