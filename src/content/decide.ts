/** What to show for one message: a pure function of its verdict, its sender and the page state (unit-tested). */
import type { ItemVerdict, PageState } from '../shared/views';
import type { ItemData } from './adapters/define-adapter';

export interface Decision {
  /** `data-uncanned`: absent until a verdict arrives. */
  judged?: 'clean' | 'canned';
  /** `data-uncanned-hidden`: why it is collapsed or hidden. */
  hidden?: 'muted' | 'canned';
  /** Collapse leaves a one-line stub; hide leaves nothing. */
  mode?: 'collapse' | 'hide';
  /** `data-uncanned-revealed`: the user chose "Show" (the pre-hide rule for muted senders spares it). */
  revealed?: true;
}

export interface LocalFeedback {
  /** Message ids the user chose to show anyway ("Show" on a stub). */
  revealed: ReadonlySet<string>;
}

export function activeMute(state: PageState, sender: string, now = Date.now()) {
  return state.mutes.find((mute) => mute.sender === sender && (mute.until === undefined || mute.until > now));
}

/** When the next timed mute lapses (ms since the epoch), if one does: nothing is broadcast then. */
export function nextMuteExpiry(state: PageState, now = Date.now()): number | undefined {
  let next: number | undefined;
  for (const { until } of state.mutes)
    if (until !== undefined && until > now && (next === undefined || until < next)) next = until;
  return next;
}

export function isCanned(state: PageState, data: ItemData, verdict: ItemVerdict | undefined): boolean {
  if (!verdict?.canned) return false;
  return !state.notCannedSenders.includes(data.sender) && !state.notCannedClusters.includes(verdict.clusterId);
}

export function decide(
  state: PageState,
  data: ItemData,
  verdict: ItemVerdict | undefined,
  local: LocalFeedback,
): Decision {
  const canned = isCanned(state, data, verdict);
  const judged = verdict ? (canned ? 'canned' : 'clean') : undefined;
  if (local.revealed.has(data.id)) return { judged, revealed: true };
  const mute = activeMute(state, data.sender);
  // A mute with scope 'canned' waits for the verdict; scope 'all' hides before it.
  if (mute && (mute.scope === 'all' || canned)) return { judged, hidden: 'muted', mode: state.mutedAction };
  if (canned && state.cannedAction !== 'flag') return { judged, hidden: 'canned', mode: state.cannedAction };
  return { judged };
}
