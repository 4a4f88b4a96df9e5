// Preact: antom-card-binding/jsx-preact types the tag in Preact's JSX.
import type {JSX} from 'preact';
import type {} from 'antom-card-binding/jsx-preact';

type Tag = JSX.IntrinsicElements['antom-card-binding'];
export const ok: Tag = {hideSubmitButton: true, locale: 'de', onbound: (event) => event.detail.maskedCardNo, 'hide-submit-button': true};
// @ts-expect-error a number is no session
export const wrong: Tag = {vaultingSessionData: 42};
