import { expect } from "vitest";
import { createDatadesk, type Datadesk } from "../../src/core/bot/create-datadesk.js";
import type { OutboundMessage } from "../../src/core/ports/outbox.js";
import { cardPlainText, type FormReply } from "../../src/core/shared/card.js";
import type { PlatformIdentity } from "../../src/core/shared/platform.js";
import { type FakeCoreDeps, fakeCoreDeps } from "../fakes/core/fake-core-deps.js";
import {
  slackChampion as champ,
  sampleProblemValues as problemValues,
} from "../fakes/core/problem-fixtures.js";

/*
 * The core problem-inventory tests' world over fakes: residents on Slack and Discord, a champion
 * of Transport, problems and triage channels on both platforms, and the few moves every one of
 * those tests makes (submit the form, press a button, file one problem, read the DMs).
 */

export const ana: PlatformIdentity = {
  platform: "slack",
  workspaceId: "T1",
  userId: "UANA",
  displayName: "Ana",
  channelId: "CGEN",
};
export const ben: PlatformIdentity = {
  platform: "discord",
  workspaceId: "G1",
  userId: "200",
  displayName: "Ben",
  channelId: "900",
};
export const cleo: PlatformIdentity = {
  platform: "slack",
  workspaceId: "T1",
  userId: "UCLEO",
  displayName: "Cleo",
};
export const discordChamp: PlatformIdentity = {
  platform: "discord",
  workspaceId: "G1",
  userId: "300",
  displayName: "Chen",
};

export function text(reply: FormReply): string {
  if (reply.kind === "card" || reply.kind === "update")
    return (
      cardPlainText(reply.card) +
      (reply.kind === "update" && reply.notice ? `\n${cardPlainText(reply.notice)}` : "")
    );
  return "";
}

export function buttons(reply: FormReply): { actionId: string; value: string; label: string }[] {
  const cards =
    reply.kind === "card"
      ? [reply.card]
      : reply.kind === "update"
        ? [reply.card, ...(reply.notice ? [reply.notice] : [])]
        : [];
  return cards.flatMap((card) =>
    card.blocks.flatMap((b) =>
      b.type === "actions" ? b.actions.flatMap((a) => (a.kind === "button" ? [a] : [])) : [],
    ),
  );
}

export const distinctWords = [
  ["potholes", "asphalt"],
  ["graffiti", "murals"],
  ["flooding", "drainage"],
  ["noise", "decibels"],
  ["libraries", "bookshelves"],
  ["wildfire", "smoke"],
  ["recycling", "compost"],
  ["evictions", "tenancy"],
  ["vaccination", "clinics"],
  ["playgrounds", "swings"],
  ["snowplows", "blizzard"],
  ["heatwave", "cooling"],
] as const;

export interface CoreProblemWorld {
  deps: FakeCoreDeps;
  core: Datadesk;
  communityId: string;
  champId: string;
  submit: (who: PlatformIdentity, values?: Record<string, string>, context?: string) => Promise<FormReply>;
  press: (who: PlatformIdentity, actionId: string, value: string) => Promise<FormReply>;
  dms: () => OutboundMessage[];
  fileOne: (
    who?: PlatformIdentity,
    values?: Record<string, string>,
  ) => Promise<Awaited<ReturnType<FakeCoreDeps["problems"]["list"]>>["items"][number]>;
}

export async function coreProblemWorld(): Promise<CoreProblemWorld> {
  const deps = fakeCoreDeps();
  const core = createDatadesk(deps);
  const communityId = deps.people.defaultCommunity.id;
  await deps.directory.setTopics(communityId, ["Transport", "Housing"]);
  await deps.directory.setChannel(communityId, "slack", "T1", "problems", "CPROB");
  await deps.directory.setChannel(communityId, "slack", "T1", "triage", "CTRI");
  await deps.directory.setChannel(communityId, "discord", "G1", "problems", "800");
  const champId = await deps.people.addPerson(champ, ["member", "champion"]);
  deps.people.grant(champId, communityId, "champion", ["Transport"]);

  const submit = (
    who: PlatformIdentity,
    values: Record<string, string> = problemValues,
    context = "t=;a=0",
  ) => core.handle(who, { kind: "form", formId: "problem.submit", context, values });
  const press = (who: PlatformIdentity, actionId: string, value: string) =>
    core.handle(who, { kind: "action", actionId, value });
  const dms = (): OutboundMessage[] => deps.outbox.messages.filter((m) => m.target.kind === "user");
  const fileOne = async (who: PlatformIdentity = ana, values: Record<string, string> = problemValues) => {
    const reply = await submit(who, values);
    expect(reply.kind, text(reply)).toBe("card");
    const [problem] = (
      await deps.problems.list({ communityId, order: "new", offset: 0, limit: 1, includeClosed: true })
    ).items;
    if (!problem) throw new Error("not filed");
    return problem;
  };

  return { deps, core, communityId, champId, submit, press, dms, fileOne };
}
