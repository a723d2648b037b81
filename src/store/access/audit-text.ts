import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { PURGED_TEXT } from "../../core/ports/audit-log.js";

/**
 * Personal text in the append-only audit log, made forgettable. An access request's audit entries
 * keep their free text (a purpose, a question, an answer, a reason) and the requester's name
 * encrypted with AES-256-GCM under a key stored on the request. The entries can never be updated
 * or deleted (a trigger refuses it); retention instead deletes the key, after which the text
 * cannot be read by anyone, the database's owner included. The key protects nothing while it
 * exists (it sits beside the text); it exists only so that forgetting is possible.
 *
 * The authenticated data binds each value to its entry and field, so a value copied into another
 * entry or column fails to open instead of reading as if it belonged there.
 */
const PREFIX = "enc1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function newAuditKey(): Buffer {
  return randomBytes(32);
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function sealAuditText(key: Uint8Array, text: string, binding: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(binding, "utf8"));
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return `${PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

/**
 * The text as written; PURGED_TEXT once the key is gone. Text written before encryption existed
 * comes back as it is. A value that does not open under its key was tampered with: that throws.
 */
export function openAuditText(key: Uint8Array | null, value: string, binding: string): string {
  if (!isSealed(value)) return value;
  if (!key) return PURGED_TEXT;
  const raw = Buffer.from(value.slice(PREFIX.length), "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(binding, "utf8"));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    "utf8",
  );
}
