/**
 * Small inline brand badges (decorative: rendered `aria-hidden`; the brand is announced as text).
 * Drawn, not copied logos: colours and short labels keep them recognisable at 32x20 for a few
 * hundred bytes in total.
 */
import {svg, type SVGTemplateResult} from 'lit';
import type {CardBrand} from '../card/types.js';

interface Badge {
  readonly background: string;
  readonly color: string;
  readonly label: string;
}

const BADGES: Record<Exclude<CardBrand, 'MASTERCARD' | 'MAESTRO'>, Badge> = {
  VISA: {background: '#1a1f71', color: '#fff', label: 'VISA'},
  AMEX: {background: '#2e77bc', color: '#fff', label: 'AMEX'},
  DISCOVER: {background: '#fff', color: '#e55c20', label: 'DISC'},
  DINERS: {background: '#0079be', color: '#fff', label: 'DC'},
  JCB: {background: '#0b7a3e', color: '#fff', label: 'JCB'},
  CUP: {background: '#d7151a', color: '#fff', label: 'UP'},
  ELO: {background: '#000', color: '#ffcb05', label: 'elo'},
  HIPERCARD: {background: '#b3131b', color: '#fff', label: 'HIPER'},
  MIR: {background: '#0f754e', color: '#fff', label: 'МИР'},
  TROY: {background: '#fff', color: '#00a3ad', label: 'TROY'},
};

function frame(background: string, content: SVGTemplateResult): SVGTemplateResult {
  return svg`<svg viewBox="0 0 32 20" width="32" height="20" aria-hidden="true" focusable="false"><rect x=".5" y=".5" width="31" height="19" rx="3" fill=${background} stroke="#0000001f"/>${content}</svg>`;
}

function circles(left: string, right: string): SVGTemplateResult {
  return frame(
    '#fff',
    svg`<circle cx="12.5" cy="10" r="6" fill=${left}/><circle cx="19.5" cy="10" r="6" fill=${right} fill-opacity=".85"/>`
  );
}

/** A badge for a detected brand, or a neutral card outline while none is known. */
export function brandIcon(brand: CardBrand | null): SVGTemplateResult {
  if (brand === 'MASTERCARD') return circles('#eb001b', '#f79e1b');
  if (brand === 'MAESTRO') return circles('#0099df', '#eb001b');
  if (brand === null) {
    return svg`<svg viewBox="0 0 32 20" width="32" height="20" aria-hidden="true" focusable="false"><rect x="1" y="1" width="30" height="18" rx="3" fill="none" stroke="currentColor" stroke-opacity=".5"/><rect x="1" y="5" width="30" height="3" fill="currentColor" fill-opacity=".35"/><rect x="5" y="12" width="9" height="2" rx="1" fill="currentColor" fill-opacity=".5"/></svg>`;
  }
  const badge = BADGES[brand];
  const size = badge.label.length > 4 ? 6 : 8;
  return frame(
    badge.background,
    svg`<text x="16" y="13.5" text-anchor="middle" font-family="Arial,Helvetica,sans-serif" font-weight="700" font-size=${size} fill=${badge.color}>${badge.label}</text>`
  );
}
