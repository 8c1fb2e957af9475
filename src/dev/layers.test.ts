/** The import rules that keep the layers and the app's feature folders apart, shown to catch what they forbid. */
import path from 'node:path';
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import { layersPlugin } from '../../.config/layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const at = (file: string) => path.join(process.cwd(), 'src', file);

tester.run('layers/direction', layersPlugin.rules.direction, {
  valid: [
    { code: "import { x } from '../domain/call';", filename: at('app/panel.ts') },
    { code: "import { x } from '../protocol';", filename: at('domain/call.ts') },
  ],
  invalid: [
    { code: "import { x } from '../app';", filename: at('domain/call.ts'), errors: [{ messageId: 'upward' }] },
    { code: "import { x } from '../../mock/mock-cti';", filename: at('app/store/store.ts'), errors: [{ messageId: 'upward' }] },
    { code: "import fs from 'node:fs';", filename: at('app/panel.ts'), errors: [{ messageId: 'node' }] },
  ],
});

tester.run('layers/app-zones', layersPlugin.rules['app-zones'], {
  valid: [
    { code: "import { x } from '../store';", filename: at('app/calls/call-effects.ts') },
    { code: "import { x } from './tab-group';", filename: at('app/tabs/index.ts') },
    { code: "const m = import('../calls/machinery');", filename: at('app/leader/leader.ts') },
    { code: "import { x } from './leader';", filename: at('app/panel.ts') },
    { code: "import { x } from '../agent';", filename: at('app/leader/leader.int.test.ts') },
  ],
  invalid: [
    { code: "import { x } from '../leader';", filename: at('app/calls/call-effects.ts'), errors: [{ messageId: 'order' }] },
    { code: "import { x } from '../store/selectors';", filename: at('app/calls/call-effects.ts'), errors: [{ messageId: 'index' }] },
    { code: "import { x } from './store/selectors';", filename: at('app/panel.ts'), errors: [{ messageId: 'index' }] },
    { code: 'export const x = 1;', filename: at('app/misc/thing.ts'), errors: [{ messageId: 'unknown' }] },
  ],
});
