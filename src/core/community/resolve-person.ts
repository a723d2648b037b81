import type { RequestContext } from "../bot/request-context.js";
import { invocationOf } from "../commands/invocation.js";
import { accountScope } from "../people/account-scope.js";
import { DomainError } from "../shared/domain-error.js";
import { userIdFromMention } from "./community-mentions.js";

/**
 * The person an admin named in a command or form: a platform mention or id (`<@U123>`, `<@123>`;
 * both adapters hand the core a typed mention in that form), or a name exactly one account here
 * carries, for people who type "@maria" without picking her from the list. Never guesses between
 * two people with one name.
 */
export async function resolvePerson(
  ctx: RequestContext,
  token: string,
): Promise<{ personId: string; displayName: string }> {
  const { platform } = ctx.identity;
  const scope = accountScope(ctx.identity);
  const userId = userIdFromMention(platform, token) ?? userIdFromMention(platform, token.replace(/^@/, ""));
  if (userId) {
    const person = await ctx.deps.memberships.personByAccount(platform, scope, userId);
    if (person) return person;
  }
  const name = token.trim().replace(/^@/, "");
  if (name !== "" && name.length <= 80) {
    const named = await ctx.deps.memberships.peopleNamed(platform, scope, name);
    if (named.length === 1 && named[0]) return named[0];
    if (named.length > 1) throw new DomainError("conflict", "community:role.ambiguous", { name });
  }
  throw new DomainError("not_found", "community:role.unknownPerson", {
    command: invocationOf(platform, "help"),
  });
}
