/**
 * SHA-256 of a file's bytes as 64 lower-case hex digits, through WebCrypto (native; the workers and
 * Node both have `crypto.subtle`): what the record keeps of every imported file.
 */
export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
