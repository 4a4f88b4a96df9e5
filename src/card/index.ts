/**
 * The pure card rules: brand table and detection, Luhn, formatting with caret mapping, and field
 * validation. No DOM, no lit; safe to import anywhere.
 */

export * from './types.js';
export {BRAND_RULES, brandRule, groupingFor} from './brands.js';
export {luhnValid} from './luhn.js';
export {detectBrand, ISSUER_BIN_DIGITS, type BrandDetection} from './detect.js';
export {
  normalizeCardNumber,
  formatCardNumber,
  maxCardNumberLength,
  formatCardNumberInput,
  MAX_CARD_NUMBER_LENGTH,
  UNKNOWN_BRAND_GROUPING,
  type FormattedCardNumberInput,
} from './format.js';
export {formatExpiryInput, formatExpiryDigits, EXPIRY_SEPARATOR} from './expiry-input.js';
export {parseExpiry, validateExpiry, MAX_EXPIRY_YEARS_AHEAD, type ExpiryDate} from './expiry.js';
export {validateCvc, securityCodeName, securityCodeLengths, formatCvcInput, isCvcFilled, DEFAULT_SECURITY_CODE_NAME} from './cvc.js';
export {validateHolderName, HOLDER_NAME_MAX_LENGTH} from './holder-name.js';
export {validateCardNumber, isCardNumberFinished} from './card-number.js';
// CardFieldName is exported by the element's events (same union); validate.ts keeps its own copy.
export {
  validateCard,
  type CardFields,
  type CardValidation,
  type CardValidationOptions,
} from './validate.js';
