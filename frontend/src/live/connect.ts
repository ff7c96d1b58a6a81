import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { fetchMe, hubRefusal, redirectToSignIn } from '../shared/auth';
import { LiveClient, type HubConnectionLike } from './liveClient';
import { serverClock } from './serverClock';

export interface ConnectOptions {
  /** The hub refused a scope (HubException, e.g. a scope this user may not see): the server's message. */
  onRefused?: (scope: string, message: string) => void;
}

/**
 * The live client on the silo's hub (/hubs/live), reconnecting automatically (0, 1, 2, 5, 10, 10… s). The browser's
 * sign-in cookie goes with the negotiate request and the WebSocket (same origin); a connection that fails while the
 * user is no longer signed in sends them to the sign-in page.
 */
export function connectLive(url = '/hubs/live', options: ConnectOptions = {}): LiveClient {
  const hub = new HubConnectionBuilder()
    .withUrl(url, { withCredentials: true })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => [0, 1000, 2000, 5000][ctx.previousRetryCount] ?? 10_000 })
    .configureLogging(LogLevel.Warning)
    .build();
  const client = new LiveClient(hub as unknown as HubConnectionLike, {
    onServerTime: (time) => serverClock.observe(time),
    onEventTime: (at) => serverClock.observeAtLeast(at),
    onError: (scope, error) => {
      console.warn('live', scope ?? '(connection)', error);
      const refusal = scope === null ? null : hubRefusal(error);
      if (scope !== null && refusal !== null) options.onRefused?.(scope, refusal);
      // The negotiate request's 401 is wrapped in a generic error: ask who we are instead of parsing it.
      if (scope === null) void fetchMe().then((me) => (me ? undefined : redirectToSignIn())).catch(() => undefined);
    },
  });
  client.start().catch(() => undefined);
  return client;
}
