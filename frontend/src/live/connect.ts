import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { LiveClient, type HubConnectionLike } from './liveClient';
import { serverClock } from './serverClock';

/** The live client on the silo's hub (/hubs/live), reconnecting automatically (0, 1, 2, 5, 10, 10… s). */
export function connectLive(url = '/hubs/live'): LiveClient {
  const hub = new HubConnectionBuilder()
    .withUrl(url)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => [0, 1000, 2000, 5000][ctx.previousRetryCount] ?? 10_000 })
    .configureLogging(LogLevel.Warning)
    .build();
  const client = new LiveClient(hub as unknown as HubConnectionLike, {
    onServerTime: (time) => serverClock.observe(time),
    onEventTime: (at) => serverClock.observeAtLeast(at),
    onError: (scope, error) => console.warn('live', scope ?? '(connection)', error),
  });
  client.start().catch(() => undefined);
  return client;
}
