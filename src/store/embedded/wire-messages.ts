/**
 * Frontend messages after startup are a type byte and an Int32 length that counts itself but not
 * the type byte. Splits complete messages off a connection's buffer; a partial one stays behind
 * until the rest of it arrives. Messages are views of the buffer, not copies: a received chunk is
 * never written to again.
 */
export function splitFrontendMessages(buffer: Buffer): { messages: Buffer[]; rest: Buffer } {
  const messages: Buffer[] = [];
  let offset = 0;
  while (buffer.length - offset >= 5) {
    const length = buffer.readInt32BE(offset + 1);
    if (length < 4) throw new Error(`malformed frontend message (length ${length})`);
    const end = offset + 1 + length;
    if (end > buffer.length) break;
    messages.push(buffer.subarray(offset, end));
    offset = end;
  }
  return { messages, rest: buffer.subarray(offset) };
}
