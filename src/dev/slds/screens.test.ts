import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iconsByScreen, namedIcons, staticallyReached } from './screens';

async function components(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'screens-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const APP = [
  "import { lazy } from 'react';",
  "import { usePanel } from '../app';",
  'import {',
  '  Button,',
  '  Field,',
  "} from './parts';",
  "import type { IconName } from './icon-names';",
  "import './panel.css';",
  "const SignedIn = lazy(() => import('./SignedIn'));",
].join('\n');

describe('the first screen', () => {
  it('is what the root component imports statically: not its lazy views, type-only imports or other folders', async () => {
    const dir = await components({
      'App.tsx': APP,
      'parts.tsx': "import { Icon } from './Icon';\nexport const Button = () => <Icon name=\"close\" />;",
      'Icon.tsx': 'export const Icon = () => null;',
      'icon-names.ts': "export const ICON_NAMES = ['close', 'call'];",
      'panel.css': '.panel{}',
      'SignedIn.tsx': "import { Button } from './parts';\nexport default () => <Button icon=\"call\" />;",
    });
    const reached = [...(await staticallyReached(join(dir, 'App.tsx'), dir))].map((f) => basename(f)).sort();
    expect(reached).toEqual(['App.tsx', 'Icon.tsx', 'panel.css', 'parts.tsx']);
    expect(await iconsByScreen(join(dir, 'App.tsx'), ['call', 'close', 'world'])).toEqual({ first: ['close'], later: ['call', 'world'] });
  });

  it('finds icon names only as whole string literals', () => {
    const sources = ["icon: 'end_call'", '<Icon name="world" />', 'const x = `info`;', 'calling()', "'chevronright_x'"];
    expect([...namedIcons(sources, ['call', 'end_call', 'world', 'info', 'chevronright'])].sort()).toEqual(['end_call', 'info', 'world']);
  });
});
