import { z } from "zod";

/**
 * Community."settings": the settings that grow with each capability, stored as one JSON object
 * and validated whenever it is read or written. Absent keys mean the defaults.
 */
export const communitySettingsSchema = z.object({
  intake: z
    .object({
      cooldownMinutes: z.number().int().min(0).max(10_080),
      dailyCap: z.number().int().min(1).max(1_000),
    })
    .optional(),
  triage: z.object({ staleBusinessDays: z.number().int().min(1).max(60) }).optional(),
  oncall: z
    .object({
      personIds: z.array(z.string().uuid()).max(100),
      startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    })
    .optional(),
  digest: z
    .object({
      weekday: z.number().int().min(1).max(7),
      hour: z.number().int().min(0).max(23),
      sendWhenQuiet: z.boolean(),
    })
    .optional(),
});
export type CommunitySettings = z.infer<typeof communitySettingsSchema>;

/** A stored value that no longer parses (edited by hand) falls back to the defaults, key by key. */
export function readCommunitySettings(value: unknown): CommunitySettings {
  const whole = communitySettingsSchema.safeParse(value);
  if (whole.success) return whole.data;
  const raw = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  const settings: CommunitySettings = {};
  const intake = communitySettingsSchema.shape.intake.safeParse(raw.intake);
  if (intake.success && intake.data) settings.intake = intake.data;
  const triage = communitySettingsSchema.shape.triage.safeParse(raw.triage);
  if (triage.success && triage.data) settings.triage = triage.data;
  const oncall = communitySettingsSchema.shape.oncall.safeParse(raw.oncall);
  if (oncall.success && oncall.data) settings.oncall = oncall.data;
  const digest = communitySettingsSchema.shape.digest.safeParse(raw.digest);
  if (digest.success && digest.data) settings.digest = digest.data;
  return settings;
}
