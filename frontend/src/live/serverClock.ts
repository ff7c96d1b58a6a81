/**
 * The server's "now" as seen from the browser: countdowns tick against it, not the browser's clock, so a server on a
 * test clock (or a skewed machine) still shows the right remaining time. Each server timestamp received resets the offset.
 */
export class ServerClock {
  private offsetMs = 0;

  observe(serverTime: string | undefined | null, receivedAt: number = Date.now()): void {
    if (!serverTime) return;
    const server = Date.parse(serverTime);
    if (!Number.isNaN(server)) this.offsetMs = server - receivedAt;
  }

  /** A domain timestamp (an event's `at`) only ever moves the clock forward: the server cannot be behind its own events. */
  observeAtLeast(serverTime: string | undefined | null, receivedAt: number = Date.now()): void {
    if (!serverTime) return;
    const server = Date.parse(serverTime);
    if (!Number.isNaN(server) && server > receivedAt + this.offsetMs) this.offsetMs = server - receivedAt;
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }
}

export const serverClock = new ServerClock();
