// Types of rollup-minify-templates.mjs, for the TypeScript tests that import it.
import type {Plugin} from 'rollup';

export function collapseCss(text: string): string;
export function minifyCss(text: string, options?: {first?: boolean; last?: boolean}): string;
export function minifyMarkup(text: string): string;
export function unquoteAttributes(quasis: readonly string[]): string[];
export function minifyTemplates(options?: {include?: RegExp; whitespaceOnly?: boolean}): Plugin;
