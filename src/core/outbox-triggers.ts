// What wakes the outbox: the network coming back, the tab becoming visible, another tab changing the store.

export interface Triggers {
  /** Tells other tabs' outboxes of the same name that the store changed (at most one message per 50 ms). */
  tell(): void;
  dispose(): void;
}

export function watchTriggers(channelName: string, on: { online(): void; visible(): void; otherTab(): void }): Triggers {
  // Aborted on dispose: removes both page listeners.
  const listening = new AbortController();
  const { signal } = listening;
  if (typeof document !== 'undefined') {
    addEventListener('online', () => on.online(), { signal });
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && on.visible(), { signal });
  }
  let channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(channelName) : undefined;
  if (channel) channel.onmessage = () => on.otherTab();
  let pending: ReturnType<typeof setTimeout> | undefined;
  const post = () => {
    pending = undefined;
    channel?.postMessage(1);
  };
  return {
    tell() {
      // A flush of many items writes many times; other tabs only need to know that something changed.
      if (channel) pending ??= setTimeout(post, 50);
    },
    dispose() {
      if (pending) {
        clearTimeout(pending);
        post();
      }
      channel?.close();
      channel = undefined;
      listening.abort();
    },
  };
}
