// Svelte 5: antom-card-binding/svelte types the tag in SvelteHTMLElements.
import type {SvelteHTMLElements} from 'svelte/elements';
import type {} from 'antom-card-binding/svelte';

type Tag = SvelteHTMLElements['antom-card-binding'];
export const ok: Tag = {hideSubmitButton: true, onerror: undefined, onbound: (event) => event.detail.vaultingSessionId};
// @ts-expect-error a number is no session
export const wrong: Tag = {vaultingSessionData: 42};
