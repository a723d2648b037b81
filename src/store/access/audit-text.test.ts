import { describe, expect, it } from "vitest";
import { PURGED_TEXT } from "../../core/ports/audit-log.js";
import { isSealed, newAuditKey, openAuditText, sealAuditText } from "./audit-text.js";

describe("sealed audit text", () => {
  it("opens with its key and binding, reads as purged without the key, and passes old plain text", () => {
    const key = newAuditKey();
    const sealed = sealAuditText(key, "Find slow ambulances — ñ", "e1:reason");
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain("ambulances");
    expect(openAuditText(key, sealed, "e1:reason")).toBe("Find slow ambulances — ñ");
    expect(openAuditText(null, sealed, "e1:reason")).toBe(PURGED_TEXT);
    expect(openAuditText(null, "written before sealing", "e1:reason")).toBe("written before sealing");
    expect(sealAuditText(key, "same", "e1:reason")).not.toBe(sealAuditText(key, "same", "e1:reason"));
  });

  it("refuses a value moved to another entry or field, changed, or opened with another key", () => {
    const key = newAuditKey();
    const sealed = sealAuditText(key, "Which years?", "e1:reason");
    expect(() => openAuditText(key, sealed, "e2:reason")).toThrow();
    expect(() => openAuditText(key, sealed, "e1:actorName")).toThrow();
    expect(() => openAuditText(newAuditKey(), sealed, "e1:reason")).toThrow();
    const raw = Buffer.from(sealed.slice("enc1:".length), "base64");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => openAuditText(key, `enc1:${raw.toString("base64")}`, "e1:reason")).toThrow();
  });
});
