/** One line of `datadesk doctor`: what was checked, whether it holds, and what to do if not. */
export interface DoctorCheck {
  /** "ok", a "fail" that keeps a configured platform from working, or "warn" (works, but look). */
  status: "ok" | "fail" | "warn";
  what: string;
  /** What to do about it; only for fail and warn. */
  fix?: string;
}

export const ok = (what: string): DoctorCheck => ({ status: "ok", what });
export const fail = (what: string, fix: string): DoctorCheck => ({ status: "fail", what, fix });
export const warn = (what: string, fix: string): DoctorCheck => ({ status: "warn", what, fix });

export function formatCheck(check: DoctorCheck): string {
  const mark = { ok: "ok  ", fail: "FAIL", warn: "warn" }[check.status];
  return check.fix ? `${mark}  ${check.what} → ${check.fix}` : `${mark}  ${check.what}`;
}

/** Channels the community set up for one workspace or guild (setup), by what they are for. */
export interface ConfiguredChannels {
  workspaceId: string;
  channels: Array<{ purpose: string; id: string }>;
}
