import { z } from "zod";

/*
 * The access SLA as configured (DATADESK_ACCESS_*), in a leaf of its own: CoreDeps and the digest
 * carry it, and the reminder job that reads it (access-sla.ts) needs CoreDeps' access ports, so
 * keeping the settings beside the job was an import circle.
 */
export const accessSlaSettingsSchema = z.object({
  reminderBusinessDays: z.number().int().min(1).max(60),
  escalationBusinessDays: z.number().int().min(1).max(60),
  expiryNoticeDays: z.number().int().min(0).max(90),
});
export type AccessSlaSettings = z.infer<typeof accessSlaSettingsSchema>;

export const defaultAccessSlaSettings: AccessSlaSettings = {
  reminderBusinessDays: 2,
  escalationBusinessDays: 5,
  expiryNoticeDays: 7,
};
