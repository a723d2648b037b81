/**
 * Application command routes (global and per guild): bulk overwrite (PUT), list (GET) and create or
 * upsert one (POST). Names/descriptions are validated like Discord does, so a bad command definition
 * fails in tests with the same 50035 error a deploy would get.
 */
import { type APIApplicationCommand, ApplicationCommandType } from "discord.js";
import {
  apiError,
  type Handler,
  ok,
  type RestContext,
  type RestResult,
  type Route,
  record,
} from "./rest-kit.js";
import { nextSnowflake } from "./world.js";

/** Bulk overwrite keeps ids of commands with the same name and type, like Discord does. */
function overwriteCommands(
  previous: APIApplicationCommand[],
  body: unknown,
  applicationId: string,
  guildId: string | undefined,
): APIApplicationCommand[] | RestResult {
  if (!Array.isArray(body)) return apiError(400, 50035, "Invalid Form Body");
  const result: APIApplicationCommand[] = [];
  for (const [index, raw] of body.entries()) {
    const c = record(raw);
    const type = typeof c.type === "number" ? c.type : ApplicationCommandType.ChatInput;
    const name = typeof c.name === "string" ? c.name : "";
    const description = typeof c.description === "string" ? c.description : "";
    const chatInput = type === ApplicationCommandType.ChatInput;
    // Chat input names must be lower case (letters of scripts without case are fine).
    const badName = chatInput
      ? !/^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u.test(name)
      : name.length < 1 || name.length > 32;
    if (badName || (chatInput && (description.length < 1 || description.length > 100))) {
      return apiError(400, 50035, "Invalid Form Body", {
        [index]: { _errors: [{ code: "APPLICATION_COMMAND_INVALID", message: `Invalid command "${name}"` }] },
      });
    }
    const existing = previous.find((p) => p.name === name && p.type === type);
    result.push({
      default_member_permissions: null,
      nsfw: false,
      ...(c as Partial<APIApplicationCommand>),
      id: existing?.id ?? nextSnowflake(),
      application_id: applicationId,
      ...(guildId ? { guild_id: guildId } : {}),
      type,
      name,
      description,
      version: nextSnowflake(),
    } as APIApplicationCommand);
  }
  return result;
}

export function commandRoutes({ world }: RestContext): Route[] {
  const list = (guildId?: string) =>
    guildId ? (world.guildCommands.get(guildId) ?? []) : world.globalCommands;
  const save = (guildId: string | undefined, commands: APIApplicationCommand[]) => {
    if (guildId) world.guildCommands.set(guildId, commands);
    else world.globalCommands = commands;
  };
  /** `guildId` is the first URL capture for guild routes and undefined for global ones. */
  const handlers: Record<string, Handler> = {
    GET: ([guildId]) => ok(list(guildId)),
    PUT: ([guildId], call) => {
      const result = overwriteCommands(list(guildId), call.body, world.application.id, guildId);
      if (!Array.isArray(result)) return result;
      save(guildId, result);
      return ok(result);
    },
    POST: ([guildId], call) => {
      const result = overwriteCommands(list(guildId), [call.body], world.application.id, guildId);
      if (!Array.isArray(result)) return result;
      const [created] = result;
      if (!created) return apiError(400, 50035, "Invalid Form Body");
      save(guildId, [...list(guildId).filter((c) => c.id !== created.id), created]);
      return { status: 201, body: created };
    },
  };
  return [
    [/^\/applications\/\d+\/commands$/, handlers],
    [/^\/applications\/\d+\/guilds\/(\d+)\/commands$/, handlers],
  ];
}
