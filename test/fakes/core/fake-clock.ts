import type { Clock } from "../../../src/core/ports/clock.js";

/** A clock tests set and move by hand. */
export class FakeClock implements Clock {
  private current: Date;

  constructor(start: Date | string = "2026-11-21T10:00:00Z") {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(time: Date | string): void {
    this.current = new Date(time);
  }

  advanceMinutes(minutes: number): void {
    this.advanceMs(minutes * 60_000);
  }

  advanceMs(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
