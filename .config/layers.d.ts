/** Types of layers.js, for the tests that run its rules. */
import type { Rule } from 'eslint';

export const LAYERS: Record<string, string[]>;
export const APP_ZONES: string[];
export const layersPlugin: { rules: { direction: Rule.RuleModule; 'app-zones': Rule.RuleModule } };
