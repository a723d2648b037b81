import type { RequestContext } from "../bot/request-context.js";
import { type ChampionLevel, championLevels, type Role, requireRole } from "../people/roles.js";
import type { Card, Reply } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { CommandArgs } from "../shared/handlers.js";
import { resolvePerson } from "./resolve-person.js";
import { grantRole, type RoleChange, revokeRole } from "./role-change.js";

const GRANTABLE = ["champion", "steward", "admin"] as const satisfies readonly Role[];
type Grantable = (typeof GRANTABLE)[number];
const REASON_MAX = 500;

interface ParsedRoleCommand {
  verb: "grant" | "revoke";
  userToken: string;
  role: Grantable;
  level?: ChampionLevel;
  reason: string | null;
}

function text(value: CommandArgs[string] | undefined): string {
  return typeof value === "string" ? value.trim() : "";
}

/**
 * Discord sends each option on its own; Slack and the console send one line
 * ("grant <@U1> champion internal because …"), all in `action`. Both end up here.
 */
export function parseRoleCommand(args: CommandArgs): ParsedRoleCommand | null {
  let [verb = "", userToken = "", roleName = "", ...rest] = splitFirstWords(text(args.action), 3);
  if (text(args.user) !== "") {
    userToken = text(args.user);
    roleName = text(args.role);
    rest = [text(args.level), text(args.reason)].filter((part) => part !== "");
  }
  const verbName = verb.toLowerCase();
  if (verbName !== "grant" && verbName !== "revoke") return null;
  const role = GRANTABLE.find((known) => known === roleName.toLowerCase());
  if (!role || userToken === "") return null;
  let restText = rest.join(" ").trim();
  let level: ChampionLevel | undefined;
  const firstWord = restText.split(/\s+/)[0]?.toLowerCase() ?? "";
  const knownLevel = championLevels.find((known) => known === firstWord);
  if (knownLevel) {
    level = knownLevel;
    restText = restText.slice(firstWord.length).trim();
  }
  return {
    verb: verbName,
    userToken,
    role,
    ...(level ? { level } : {}),
    reason: restText.slice(0, REASON_MAX) || null,
  };
}

/** The first `count` words and the rest of the line as one last element. */
function splitFirstWords(line: string, count: number): string[] {
  const words: string[] = [];
  let rest = line;
  for (let i = 0; i < count; i++) {
    const match = /^(\S+)\s*([\s\S]*)$/.exec(rest);
    if (!match) break;
    words.push(match[1] ?? "");
    rest = match[2] ?? "";
  }
  return rest === "" ? words : [...words, rest];
}

/** A private one-section reply, as the role and claim commands answer. */
export function notice(message: string, accent: Card["accent"]): Reply {
  return {
    kind: "card",
    visibility: "ephemeral",
    card: { fallbackText: message, accent, blocks: [{ type: "section", text: [message] }] },
  };
}

/**
 * `role grant|revoke @person champion|steward|admin [level] [reason]` (admins): the change and
 * its audit entry (who, when, why, from where) commit together; a repeat changes nothing.
 */
export async function roleCommand(ctx: RequestContext, args: CommandArgs): Promise<Reply> {
  requireRole(ctx.actor, ["admin"]);
  const parsed = parseRoleCommand(args);
  if (!parsed) throw new DomainError("invalid_input", "community:role.usage");
  if (parsed.level && parsed.role !== "champion")
    throw new DomainError("invalid_input", "community:role.badLevel");
  const target = await resolvePerson(ctx, parsed.userToken);
  const change: RoleChange = {
    communityId: ctx.community.id,
    actor: { personId: ctx.actor.personId, name: ctx.actor.displayName, platform: ctx.identity.platform },
    target,
    role: parsed.role,
    ...(parsed.level ? { level: parsed.level } : {}),
    reason: parsed.reason,
    at: ctx.deps.clock.now(),
  };
  const result = await ctx.deps.communityUnitOfWork.run((tx) =>
    parsed.verb === "grant" ? grantRole(tx, change) : revokeRole(tx, change),
  );
  if (result.outcome === "last_admin") throw new DomainError("conflict", "community:role.lastAdmin");
  const params = { name: target.displayName, role: ctx.t(`community:roleNames.${parsed.role}`) };
  if (result.outcome === "unchanged") {
    return notice(
      ctx.t(parsed.verb === "grant" ? "community:role.alreadyHas" : "community:role.doesNotHave", params),
      "info",
    );
  }
  if (parsed.verb === "revoke") return notice(ctx.t("community:role.revoked", params), "success");
  return notice(
    parsed.level
      ? ctx.t("community:role.grantedLevel", {
          ...params,
          level: ctx.t(`community:levelNames.${parsed.level}`),
        })
      : ctx.t("community:role.granted", params),
    "success",
  );
}
