import { Writable } from "node:stream";

/** A stream that keeps what was written, for asserting on CLI output (a TTY when asked). */
export class CapturedStream extends Writable {
  text = "";

  constructor(readonly isTTY = false) {
    super();
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}
