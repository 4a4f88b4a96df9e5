/**
 * Scenario cards: fixed card numbers that make the emulator answer a given way, the way payment
 * providers publish test cards. the README's "Server helper and local sandbox" section shows this table; a test keeps the two in step.
 * Any other Luhn-valid number of an accepted brand binds successfully.
 */
import type {CardBrand} from '../card/types.js';

export type Scenario =
  | {readonly kind: 'success'}
  | {readonly kind: 'decline'; readonly resultCode: DeclineCode}
  | {readonly kind: 'challenge'}
  | {readonly kind: 'processing'}
  | {readonly kind: 'gateway_error'};

/** Decline codes the emulator produces, from the reference's issuer/acquirer list (§10.2). */
export const DECLINE_MESSAGES = {
  DO_NOT_HONOR: 'The issuer declined the card.',
  CARD_EXPIRED: 'The card has expired.',
  INVALID_CVV: 'The security code is incorrect.',
  CARD_NOT_SUPPORTED: 'This card is not supported.',
  LOST_CARD: 'The card was reported lost.',
  STOLEN_CARD: 'The card was reported stolen.',
  FRAUD_REJECT: 'The binding was rejected by risk control.',
  RESTRICTED_CARD: 'The card is restricted.',
  PICKUP_CARD: 'The issuer asks to keep the card.',
  ACCOUNT_CLOSED: 'The card account is closed.',
  USER_PAYMENT_VERIFICATION_FAILED: 'The 3-D Secure verification failed.',
} as const;

export type DeclineCode = keyof typeof DECLINE_MESSAGES;

export interface ScenarioCard {
  readonly cardNo: string;
  readonly scenario: Scenario;
}

const success: Scenario = {kind: 'success'};
const decline = (resultCode: DeclineCode): Scenario => ({kind: 'decline', resultCode});

export const SCENARIO_CARDS: readonly ScenarioCard[] = [
  {cardNo: '4242424242424242', scenario: success},
  {cardNo: '5555555555554444', scenario: success},
  {cardNo: '2223003122003222', scenario: success},
  {cardNo: '378282246310005', scenario: success},
  {cardNo: '6011111111111117', scenario: success},
  {cardNo: '3566002020360505', scenario: success},
  {cardNo: '6200000000000005', scenario: success},
  {cardNo: '4000000000000002', scenario: decline('DO_NOT_HONOR')},
  {cardNo: '4000000000000069', scenario: decline('CARD_EXPIRED')},
  {cardNo: '4000000000000127', scenario: decline('INVALID_CVV')},
  {cardNo: '4000000000000135', scenario: decline('CARD_NOT_SUPPORTED')},
  {cardNo: '4000000000009987', scenario: decline('LOST_CARD')},
  {cardNo: '4000000000009979', scenario: decline('STOLEN_CARD')},
  {cardNo: '4100000000000019', scenario: decline('FRAUD_REJECT')},
  {cardNo: '4000000000000143', scenario: decline('RESTRICTED_CARD')},
  {cardNo: '4000000000000150', scenario: decline('PICKUP_CARD')},
  {cardNo: '4000000000000168', scenario: decline('ACCOUNT_CLOSED')},
  {cardNo: '4000000000003220', scenario: {kind: 'challenge'}},
  {cardNo: '4000000000000077', scenario: {kind: 'processing'}},
  {cardNo: '4000000000000119', scenario: {kind: 'gateway_error'}},
];

const BY_NUMBER = new Map(SCENARIO_CARDS.map((card) => [card.cardNo, card.scenario]));

export function scenarioFor(cardNo: string): Scenario {
  return BY_NUMBER.get(cardNo) ?? success;
}

/** What decides a card's outcome besides its number: the checks both card routes make. */
export interface ScenarioInput {
  readonly brand: CardBrand | null;
  readonly expired: boolean;
  /** The scenario of the number itself (scenarioFor). */
  readonly scenario: Scenario;
  /** The merchant's brands; null: every brand. */
  readonly acceptedBrands: readonly CardBrand[] | null;
  /** The merchant asked for 3-D Secure: every card that would succeed is challenged first. */
  readonly threeDSecureRequested: boolean;
}

/** The outcome of a card attempt: brand, then expiry, then the number's own scenario. */
export function decideScenario(input: ScenarioInput): Scenario {
  const accepted = input.brand !== null && (input.acceptedBrands === null || input.acceptedBrands.includes(input.brand));
  if (!accepted) return decline('CARD_NOT_SUPPORTED');
  if (input.expired) return decline('CARD_EXPIRED');
  if (input.scenario.kind === 'success' && input.threeDSecureRequested) return {kind: 'challenge'};
  return input.scenario;
}
