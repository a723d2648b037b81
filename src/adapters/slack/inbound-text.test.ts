import { describe, expect, it } from "vitest";
import { capLength, slackEscape, slackTextToPlain } from "./inbound-text.js";

describe("slackTextToPlain", () => {
  it("removes our own mention, wherever it is", () => {
    expect(slackTextToPlain("<@U0BOT> help", { botUserId: "U0BOT" })).toBe("help");
    expect(slackTextToPlain("hey <@U0BOT|datadesk> ask bike lanes", { botUserId: "U0BOT" })).toBe(
      "hey ask bike lanes",
    );
  });

  it("shows other mentions, channels, broadcasts and links as Slack displayed them", () => {
    expect(slackTextToPlain("<@U1> <@U2|maria> in <#C1|general> <!here> <!subteam^S1|@stewards>")).toBe(
      "@U1 @maria in #general @here @stewards",
    );
    expect(slackTextToPlain("see <https://data.gov|data.gov> and <https://x.org/a?b=1&amp;c=2>")).toBe(
      "see data.gov and https://x.org/a?b=1&c=2",
    );
    expect(slackTextToPlain("<mailto:a@b.org|a@b.org> or <mailto:c@d.org>")).toBe("a@b.org or c@d.org");
  });

  it("keeps a person's mention as their id when a command must know exactly who", () => {
    expect(
      slackTextToPlain("role grant <@U0MARIA|maria> champion <#C1|general> <!here>", {
        keepUserMentions: true,
      }),
    ).toBe("role grant <@U0MARIA> champion #general @here");
    // Only ids Slack mints: anything else reads as the name it showed.
    expect(slackTextToPlain("<@not an id|x>", { keepUserMentions: true })).toBe("@x");
  });

  it("decodes Slack's entities exactly once", () => {
    expect(slackTextToPlain("a &lt;b&gt; &amp; c &amp;lt;")).toBe("a <b> & c &lt;");
  });

  it("leaves ordinary text alone", () => {
    expect(slackTextToPlain("  is the 311 data current?  ")).toBe("is the 311 data current?");
  });
});

describe("slackEscape", () => {
  it("writes text in Slack's wire form, which slackTextToPlain reads back unchanged", () => {
    const typed = "<!channel> <@U123> <http://evil|click> &amp; & co";
    expect(slackEscape(typed)).toBe(
      "&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil|click&gt; &amp;amp; &amp; co",
    );
    expect(slackTextToPlain(slackEscape(typed))).toBe(typed);
  });
});

describe("capLength", () => {
  it("cuts to the limit without leaving half a surrogate pair", () => {
    expect(capLength("abc", 5)).toBe("abc");
    expect(capLength("abcdef", 4)).toBe("abcd");
    expect(capLength("ab😀", 3)).toBe("ab");
    expect(capLength("ab😀", 4)).toBe("ab😀");
  });
});
