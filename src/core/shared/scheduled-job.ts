/**
 * A background job as the scheduler (src/jobs/scheduler.ts) runs it. A leaf in the core so a
 * capability can hand its own jobs over (core/access/access-reminder-job.ts) without the core
 * importing the scheduler.
 */
export interface ScheduledJob {
  /** For logs. */
  name: string;
  /** Time between the starts of two runs. */
  everyMs: number;
  run(now: Date): Promise<void>;
}
