import { describe, expect, it } from "vitest";
import { rememberingTranslator, type Translate, translator } from "./translator.js";

describe("rememberingTranslator", () => {
  it("says what the translator says, asking it once per key and values", () => {
    const asked: string[] = [];
    const es = translator("es");
    const counting: Translate = (key, values) => {
      asked.push(key);
      return es(key, values);
    };
    const t = rememberingTranslator(counting);
    for (let i = 0; i < 3; i += 1) {
      expect(t("watches:dm.newForTopic", { target: "transporte" })).toBe(
        es("watches:dm.newForTopic", { target: "transporte" }),
      );
      expect(t("watches:dm.removed")).toBe(es("watches:dm.removed"));
    }
    // Other values are another line.
    expect(t("watches:dm.newForTopic", { target: "agua" })).toBe("nuevo, sobre el tema «agua»");
    expect(asked).toEqual(["watches:dm.newForTopic", "watches:dm.removed", "watches:dm.newForTopic"]);
  });
});
