// What wakes the outbox: the network coming back, the tab becoming visible, another tab changing the store.

export interface Triggers {
  /** Tells other tabs' outboxes of the same name that the store changed. */
  tellOtherTabs(): void;
  dispose(): void;
}

export function watchTriggers(channelName: string, on: { online(): void; visible(): void; otherTabChanged(): void }): Triggers {
  const cleanups: Array<() => void> = [];
  if (typeof window !== 'undefined' && typeof document !== 'undefined') {
    const onOnline = () => on.online();
    const onVisibility = () => {
      if (document.visibilityState === 'visible') on.visible();
    };
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisibility);
    cleanups.push(
      () => window.removeEventListener('online', onOnline),
      () => document.removeEventListener('visibilitychange', onVisibility),
    );
  }
  let channel: BroadcastChannel | undefined;
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(channelName);
    channel.onmessage = () => on.otherTabChanged();
    const open = channel;
    cleanups.push(() => open.close());
  }
  return {
    tellOtherTabs() {
      try {
        channel?.postMessage({ type: 'changed' });
      } catch {
        /* closed after dispose: nothing to tell */
      }
    },
    dispose() {
      for (const cleanup of cleanups.splice(0)) cleanup();
      channel = undefined;
    },
  };
}
