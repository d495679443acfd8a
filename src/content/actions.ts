/**
 * What the chip's buttons do: apply the change to this tab's state at once, then tell the background, which
 * stores it and broadcasts the new state to every tab (this one included).
 */
import { sendToBackground } from '../shared/messaging';
import type { MuteScope, PageState } from '../shared/views';
import type { ItemData, SiteAdapter } from './adapters/define-adapter';
import type { ControlActions } from './chip';

export function createActions(
  adapter: SiteAdapter,
  current: () => PageState,
  apply: (state: PageState) => void,
): ControlActions {
  return {
    mute(data: ItemData, scope: MuteScope) {
      const state = current();
      const others = state.mutes.filter((mute) => mute.sender !== data.sender);
      apply({ ...state, mutes: [...others, { sender: data.sender, senderName: data.senderName, scope }] });
      void sendToBackground('muteSender', {
        site: adapter.id,
        sender: data.sender,
        senderName: data.senderName,
        scope,
      });
    },
    notCanned(data, verdict) {
      const state = current();
      const target = verdict.clusterId
        ? ({ kind: 'cluster', clusterId: verdict.clusterId } as const)
        : ({ kind: 'sender', site: adapter.id, sender: data.sender } as const);
      apply(
        verdict.clusterId
          ? { ...state, notCannedClusters: [...state.notCannedClusters, verdict.clusterId] }
          : { ...state, notCannedSenders: [...state.notCannedSenders, data.sender] },
      );
      void sendToBackground('markNotCanned', { target });
    },
    explain: (data) => sendToBackground('explainMessage', { site: adapter.id, id: data.id }),
  };
}
