// LEB128, the variable-length integers of the WebAssembly binary format: what the two release
// steps that edit a module's sections (shorten-imports.mjs, drop-streams.mjs) read and write.
export function leb(bytes, at) {
  let value = 0, shift = 0, byte;
  do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return [value, at];
}
export function uleb(value) {
  const out = [];
  do { let byte = value & 0x7f; value = Math.floor(value / 128); if (value) byte |= 0x80; out.push(byte); } while (value);
  return out;
}
