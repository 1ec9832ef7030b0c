// Which behaviour each panel kind has.
import type { PanelConfig, PanelKind } from '../config.ts';
import type { PanelKindBehaviour } from '../host.ts';
import { freezeKind } from './freeze.ts';
import { gpuSweepKind } from './gpu.ts';
import { jitKind } from './jit.ts';
import { matmulKind } from './matmul.ts';
import { messagesKind } from './messages.ts';
import { profileKind } from './profile.ts';
import { raceKind } from './race.ts';
import { speedupKind } from './speedup.ts';
import { conclusionKind, summaryKind } from './summary.ts';

const KINDS: Record<PanelKind, PanelKindBehaviour<any>> = {
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
export function kindBehaviour(kind: PanelKind, config?: Pick<PanelConfig, 'variants'>): PanelKindBehaviour<unknown> {
  if (kind === 'summary' && config && config.variants.length === 0) return conclusionKind;
  return KINDS[kind];
}
