// Which behaviour each panel kind has. Each panel gets a fresh one (a kind keeps
// its own controls in a closure), so nothing here is shared between panels.
import type { PanelConfig, PanelKind } from '../config.ts';
import type { PanelKindBehaviour, PanelKindFactory } from '../host.ts';
import { freezeKind } from './freeze.ts';
import { gpuSweepKind } from './gpu.ts';
import { jitKind } from './jit.ts';
import { matmulKind } from './matmul.ts';
import { messagesKind } from './messages.ts';
import { profileKind } from './profile.ts';
import { raceKind } from './race.ts';
import { speedupKind } from './speedup.ts';
import { conclusionKind } from './ladder.ts';
import { summaryKind } from './summary.ts';

const KINDS: Readonly<Record<PanelKind, PanelKindFactory<any>>> = {
  matmul: matmulKind,
  jit: jitKind,
  profile: profileKind,
  freeze: freezeKind,
  speedup: speedupKind,
  summary: summaryKind,
  messages: messagesKind,
  race: raceKind,
  'gpu-sweep': gpuSweepKind,
};

/** A summary without a variant list is the lecture's conclusion: the ladder, with its own Run. */
export function createKind(config: Pick<PanelConfig, 'kind' | 'variants'>): PanelKindBehaviour<unknown> {
  if (config.kind === 'summary' && config.variants.length === 0) return conclusionKind();
  return KINDS[config.kind]();
}
