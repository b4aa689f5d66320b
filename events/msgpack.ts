/**
 * MessagePack encoding of a JSON value: the format @socket.io/postgres-adapter decodes an
 * attachment with (`@msgpack/msgpack` decode). Only what JSON.parse can produce is supported
 * (null, booleans, numbers, strings, arrays, plain objects), so every number is a float64:
 * the decoder returns the same JS number. events/socket-emitter.test.ts pins it against the
 * adapter's decoder.
 */
export function encodeMsgpack(value: unknown): Buffer {
  const parts: Buffer[] = [];
  write(value, parts);
  return Buffer.concat(parts);
}

function header(parts: Buffer[], fix: number, fixMax: number, codes: [number, number, number], length: number, maxBits8 = true): void {
  if (length <= fixMax) parts.push(Buffer.from([fix | length]));
  else if (maxBits8 && length <= 0xff) parts.push(Buffer.from([codes[0], length]));
  else if (length <= 0xffff) parts.push(Buffer.from([codes[1], length >> 8, length & 0xff]));
  else {
    const b = Buffer.alloc(5);
    b[0] = codes[2];
    b.writeUInt32BE(length, 1);
    parts.push(b);
  }
}

function write(value: unknown, parts: Buffer[]): void {
  if (value === null) parts.push(Buffer.from([0xc0]));
  else if (value === false) parts.push(Buffer.from([0xc2]));
  else if (value === true) parts.push(Buffer.from([0xc3]));
  else if (typeof value === 'number') {
    const b = Buffer.alloc(9);
    b[0] = 0xcb;
    b.writeDoubleBE(value, 1);
    parts.push(b);
  } else if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    header(parts, 0xa0, 31, [0xd9, 0xda, 0xdb], bytes.length);
    parts.push(bytes);
  } else if (Array.isArray(value)) {
    header(parts, 0x90, 15, [0, 0xdc, 0xdd], value.length, false);
    for (const item of value) write(item, parts);
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    header(parts, 0x80, 15, [0, 0xde, 0xdf], entries.length, false);
    for (const [key, item] of entries) {
      write(key, parts);
      write(item, parts);
    }
  } else {
    throw new Error(`msgpack: not a JSON value (${typeof value})`);
  }
}
